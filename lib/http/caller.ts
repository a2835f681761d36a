// Who a request is from, once authenticated (lib/http/authenticate.ts resolves it). Apart from
// that module so the ones that only name a caller (rate limits, the request log) need not load
// Auth.js with it.
import type { ApiKeyIdentity } from "../api-keys/authenticate-api-key";
import type { Actor } from "../auth/actor";
import type { Scope } from "../auth/scopes";

/** A person: signed in with the browser session or the token pair. People hold every scope. */
export type PersonCaller = {
  actor: Actor;
  sessionId: string;
  via: "bearer" | "session";
  scopes: readonly Scope[];
  apiKey: null;
  /** When the credential stops working by itself (the token's or the browser session's expiry). */
  expiresAt: Date | null;
};
/** An API key: a company key (the company side of one company) or a personal access token. */
export type ApiKeyCaller = {
  actor: Actor;
  sessionId: null;
  via: "api_key";
  scopes: readonly Scope[];
  apiKey: ApiKeyIdentity;
  expiresAt: Date | null;
};
export type Caller = PersonCaller | ApiKeyCaller;

// Who is calling: an API key, a bearer token (API clients) or the browser's Auth.js session
// cookie. A request that presents a bearer credential is judged by it alone, even if it has a
// cookie.
import "server-only";
import { auth } from "@/auth";
import { requireAdmin } from "../admin/require-admin";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import { looksLikeApiKey } from "../api-keys/token";
import { SCOPES, type Scope } from "../auth/scopes";
import { loadActorBySessionId } from "../auth/sessions";
import { authenticateAccessToken } from "../auth/tokens";
import { AppError } from "../errors";
import type { Caller, PersonCaller } from "./caller";
import { changesState, comesFromAnotherOrigin, hasSessionCookie } from "./cross-origin";

// One resolution per request: the route wrapper (rate limits, idempotency) and the handler both
// ask, and the second answer must not cost another database read.
const callers = new WeakMap<Request, Promise<Caller | null>>();

const resolved = new WeakMap<Request, Caller | null>();

/**
 * The caller if this request already resolved one, without authenticating: the request log
 * must not cost a database read, nor turn a route that never asked into an authenticated one.
 * Undefined when nobody asked (or the answer is still pending); null when anonymous or refused.
 */
export function peekCaller(request: Request): Caller | null | undefined {
  return resolved.get(request);
}

/** The caller of this request, or null when anonymous; throws 401 for a bad credential. */
export function resolveCaller(request: Request): Promise<Caller | null> {
  let caller = callers.get(request);
  if (!caller) {
    caller = identify(request);
    callers.set(request, caller);
    // Kept once settled, for peekCaller; a rejection stays the caller's to handle.
    caller.then(
      (settled) => resolved.set(request, settled),
      () => resolved.set(request, null),
    );
  }
  return caller;
}

async function identify(request: Request): Promise<Caller | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthenticated", "Use the header Authorization: Bearer <token>.");
    if (looksLikeApiKey(match[1])) {
      const { actor, scopes, apiKey, expiresAt } = await authenticateApiKey(match[1]);
      return { actor, scopes, apiKey, expiresAt, sessionId: null, via: "api_key" };
    }
    const { actor, sessionId, expiresAt } = await authenticateAccessToken(match[1]);
    return { actor, sessionId, expiresAt, via: "bearer", scopes: SCOPES, apiKey: null };
  }
  // The cookie rides along with requests other sites make the browser send (CSRF); the browser
  // says when one did. Such a request never acts as the person: a change is refused here, before
  // any handler looks at its body, and a read is anonymous. (Bearer credentials are never sent
  // implicitly, so they were judged above, and CORS governs them.)
  if (comesFromAnotherOrigin(request.headers)) {
    if (changesState(request.method) && hasSessionCookie(request.headers)) {
      throw new AppError(
        "forbidden",
        "Requests from another origin cannot use the session cookie; send a bearer token.",
      );
    }
    return null;
  }
  const session = await auth();
  if (!session?.sid) return null;
  const actor = await loadActorBySessionId(session.sid);
  if (!actor) return null;
  const expiresAt = session.expires ? new Date(session.expires) : null;
  return { actor, sessionId: session.sid, expiresAt, via: "session", scopes: SCOPES, apiKey: null };
}

/**
 * A signed-in caller. `scope` is what an API key must hold to use the route (people hold every
 * scope). A route that names no scope does not take API keys at all: forgetting the scope
 * then locks keys out instead of letting every key in.
 */
export async function requireCaller(request: Request, scope?: Scope): Promise<Caller> {
  const caller = await resolveCaller(request);
  if (!caller) throw new AppError("unauthenticated", "Authentication credentials were not provided.");
  if (caller.via === "api_key") {
    if (!scope) throw new AppError("forbidden", "This endpoint does not accept API keys.");
    if (!caller.scopes.includes(scope)) {
      throw new AppError("forbidden", `This API key lacks the scope ${scope}.`);
    }
  }
  return caller;
}

/** A person, never an API key: signing out, passwords, and managing keys (a key must not mint keys). */
export async function requirePersonCaller(request: Request): Promise<PersonCaller> {
  const caller = await requireCaller(request);
  if (caller.via === "api_key") throw new AppError("forbidden", "This endpoint does not accept API keys.");
  return caller;
}

/**
 * A caller acting as a user (the buyer side, or "me"): a person or a personal token holding
 * `scope`. A company key is the company side of one company and never a buyer: 403.
 */
export async function requireUserCaller(request: Request, scope: Scope): Promise<Caller> {
  const caller = await requireCaller(request, scope);
  if (caller.apiKey?.kind === "company") {
    throw new AppError("forbidden", "A company key acts for its company only; use the /company/ routes.");
  }
  return caller;
}

/**
 * An admin caller, checked before anything else is parsed: a non-admin learns nothing about
 * admin routes, not even from a validation error. API keys never reach admin routes (403).
 * lib/admin checks again (defence in depth).
 */
export async function requireAdminCaller(request: Request): Promise<PersonCaller> {
  const caller = await requirePersonCaller(request);
  requireAdmin(caller.actor);
  return caller;
}

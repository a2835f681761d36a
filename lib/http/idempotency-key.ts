// The pure rules of the Idempotency-Key store (lib/http/idempotency.ts), kept apart for tests.
import { createHmac } from "node:crypto";

/** 1 to 200 printable ASCII characters without spaces, as message sends already required. */
export const isValidIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,200}$/.test(key);

/**
 * Answers that are secrets (tokens, API keys, webhook signing secrets) or session changes: the
 * store would keep a second copy of the secret in clear, so these are never stored or replayed.
 */
const SECRET_ANSWERS = [
  /^\/api\/v1\/auth\//,
  /^\/api\/v1\/api-keys(\/|$)/,
  /^\/api\/v1\/company\/webhooks(\/|$)/,
];

/**
 * Which requests the store serves: authenticated POSTs to /api/v1, except those whose answers
 * are secrets (above; the auth endpoints' callers are anonymous anyway) and the event stream.
 * Anonymous callers have no scope to keep keys in, so their keys are ignored.
 */
export function usesIdempotencyStore(request: Request, identity: string | null): boolean {
  if (request.method !== "POST" || identity === null) return false;
  if (!request.headers.has("idempotency-key")) return false;
  const path = new URL(request.url).pathname;
  return !SECRET_ANSWERS.some((pattern) => pattern.test(path)) && path !== "/api/v1/events";
}

/** JSON with keys sorted, so a retry that serializes its fields in another order still matches. */
export function canonicalBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  } catch {
    return text; // Not JSON: the bytes themselves (the handler will refuse it anyway).
  }
}

/**
 * The request's fingerprint: a keyed hash, because bodies may hold passwords and a plain
 * SHA-256 of one would be a guessable password hash in the table.
 */
export function fingerprintOf(body: string, secret: string): string {
  return createHmac("sha256", secret).update(canonicalBody(body)).digest("base64url");
}

/**
 * Whether an answer is kept and replayed. Only 2xx: the operation took effect. A 4xx or 5xx
 * changed nothing, so the claim is released and a retry under the same key runs again (after
 * the client fixed the body, or the chat was reopened, or the server recovered).
 */
export const isReplayable = (status: number) => status >= 200 && status < 300;

/** The headers a replay repeats; the rest (request id, rate limits) belong to the new answer. */
export const REPLAYED_HEADERS = ["content-type", "location"] as const;

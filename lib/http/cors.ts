// CORS for /api/v1 (CORS_ORIGINS). Bearer tokens only cross origins: no Allow-Credentials, so
// a browser never attaches the session cookie to a cross-origin call (and resolveCaller refuses
// cookie-authenticated changes from another origin, and reads them as anonymous, anyway).

export type AllowedOrigins = "*" | readonly string[];

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOWED_HEADERS =
  "Authorization, Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID, X-Request-Id";
/** What a cross-origin script may read besides the CORS-safelisted response headers. */
const EXPOSED_HEADERS = [
  "ETag",
  "Idempotent-Replayed",
  "Location",
  "RateLimit-Limit",
  "RateLimit-Policy",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "Retry-After",
  "WWW-Authenticate",
  "X-Request-Id",
].join(", ");

/** The Access-Control-Allow-Origin value for this Origin, or null when it is not allowed. */
export function allowOriginFor(origin: string | null, allowed: AllowedOrigins): string | null {
  if (allowed === "*") return "*";
  return origin && allowed.includes(origin) ? origin : null;
}

/** Headers for an actual (non-preflight) response. */
export function corsResponseHeaders(origin: string | null, allowed: AllowedOrigins): Record<string, string> {
  const allowOrigin = allowOriginFor(origin, allowed);
  // The answer depends on Origin whenever the list is not "*": caches must key on it.
  const vary: Record<string, string> = allowed === "*" ? {} : { vary: "Origin" };
  if (!allowOrigin) return vary;
  return {
    ...vary,
    "access-control-allow-origin": allowOrigin,
    "access-control-expose-headers": EXPOSED_HEADERS,
  };
}

/** Headers for a preflight (OPTIONS) answer; without an allowed Origin, none that permit. */
export function corsPreflightHeaders(origin: string | null, allowed: AllowedOrigins): Record<string, string> {
  const allowOrigin = allowOriginFor(origin, allowed);
  const vary: Record<string, string> = allowed === "*" ? {} : { vary: "Origin" };
  if (!allowOrigin) return vary;
  return {
    ...vary,
    "access-control-allow-origin": allowOrigin,
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-max-age": "7200",
  };
}

/** Adds the CORS headers of an actual response, merging Vary with what is there. */
export function applyCors(headers: Headers, origin: string | null, allowed: AllowedOrigins): void {
  for (const [name, value] of Object.entries(corsResponseHeaders(origin, allowed))) {
    if (name === "vary") appendVary(headers, value);
    else headers.set(name, value);
  }
}

function appendVary(headers: Headers, value: string): void {
  const current = headers.get("vary");
  if (!current) headers.set("vary", value);
  else if (!current.split(",").some((part) => part.trim().toLowerCase() === value.toLowerCase()))
    headers.set("vary", `${current}, ${value}`);
}

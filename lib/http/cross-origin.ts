// Requests another site made a browser send (cross-site request forgery). The browser attaches
// the session cookie to them, so the cookie alone must never let them act as the person.
// Bearer tokens and API keys are never sent implicitly: CORS governs those instead.

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const changesState = (method: string) => STATE_CHANGING.has(method.toUpperCase());

/**
 * The host this request was addressed to: the first X-Forwarded-Host (a proxy in front, and
 * `next start` sets it to Host when absent) or Host. The rule Next applies to server actions,
 * so a proxy set-up under which signing in works passes this check too.
 */
function ownHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host"))?.toLowerCase() ?? null;
}

/**
 * Whether the browser says this request comes from another origin: an Origin that is not this
 * site's host (or "null": sandboxed frames, data: URLs), or, when a browser sent no Origin,
 * Sec-Fetch-Site naming another site. A sibling subdomain ("same-site") counts too: SameSite
 * cookies reach it, so only this check keeps it out. No header at all is not a browser acting
 * for someone else, and stays allowed.
 */
export function comesFromAnotherOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return true; // "null" and anything unparsable
    }
    return host === "" || host !== ownHost(headers);
  }
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** Auth.js's session cookie, under either name (`__Secure-` over HTTPS), chunked or whole. */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

export const hasSessionCookie = (headers: Headers) => SESSION_COOKIE.test(headers.get("cookie") ?? "");

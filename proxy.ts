// Four jobs before the route handlers run:
// - Content-Security-Policy on every answer: pages get a strict policy with a fresh nonce, also
//   passed on the request so Next puts it on its scripts (lib/http/security-headers.ts); API
//   answers get a policy that allows nothing. Here and not in next.config's headers() because a
//   nonce is per request.
// - Strict-Transport-Security on every answer when HSTS is on. It is here, not in next.config's
//   headers() with the other security headers, because those are fixed by `next build` and
//   this one depends on the environment the server runs in.
// - CORS preflights for /api/v1 (route files export no OPTIONS; answering here keeps them
//   unchanged).
// - A path that does not percent-decode (`/api/v1/chats/%ZZ`, bytes that are not UTF-8) is a
//   404 in its surface's shape: Next's own route matching fails on it with a bare 500.
// - The compatibility API answers on the original's trailing-slash paths (`/chats/`), and
//   Next's own trailing-slash redirect is off (next.config.ts). Clients that drop the slash
//   still work: reads are redirected permanently, as Django's APPEND_SLASH did, and other
//   methods are rewritten in place, because a redirected POST loses its body in many clients.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/env";
import { corsPreflightHeaders } from "./lib/http/cors";
import { API_CSP, HSTS_VALUE, newNonce, pageCsp, servesPages } from "./lib/http/security-headers";

const COMPAT_PREFIXES = ["/auth", "/chat", "/chats", "/company-chats"];

export function proxy(request: NextRequest) {
  const csp = servesPages(request.nextUrl.pathname) ? pageCsp(newNonce(), env.development) : API_CSP;
  const response = route(request, csp);
  response.headers.set("content-security-policy", csp);
  if (env.hsts) response.headers.set("strict-transport-security", HSTS_VALUE);
  return response;
}

function route(request: NextRequest, csp: string): NextResponse {
  // A plain URL: NextURL drops a trailing slash when serialized, since trailingSlash is off.
  const url = new URL(request.url);
  if (!decodes(url.pathname)) return undecodablePath(request, url, csp);
  if (url.pathname.startsWith("/api/v1/")) {
    const preflight = request.method === "OPTIONS" && request.headers.has("access-control-request-method");
    if (!preflight) return NextResponse.next();
    const headers = corsPreflightHeaders(request.headers.get("origin"), env.CORS_ORIGINS);
    return new NextResponse(null, { status: 204, headers: { ...headers, "cache-control": "no-store" } });
  }
  const compat = COMPAT_PREFIXES.some(
    (prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
  );
  if (compat && !url.pathname.endsWith("/")) {
    url.pathname = `${url.pathname}/`;
    if (request.method === "GET" || request.method === "HEAD") return NextResponse.redirect(url, 301);
    return NextResponse.rewrite(url);
  }
  if (!servesPages(url.pathname)) return NextResponse.next();
  // Next renders the page with the nonce it finds in the request's policy.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return NextResponse.next({ request: { headers } });
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** No route can serve a path that does not decode: what each surface answers for an unknown path. */
function undecodablePath(request: NextRequest, url: URL, csp: string): NextResponse {
  // The catch-all's problem+json 404, with a request id like every other answer.
  if (url.pathname.startsWith("/api/")) return NextResponse.rewrite(new URL("/api/v1/undecodable-path", url));
  const compat = COMPAT_PREFIXES.some((prefix) => url.pathname.startsWith(`${prefix}/`));
  // Django REST framework's own answer for a path it does not know.
  if (compat) return NextResponse.json({ detail: "Not found." }, { status: 404 });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return NextResponse.rewrite(new URL("/undecodable-path", url), { request: { headers } });
}

export const config = {
  // Everything but Next's static files (immutable, hashed, not documents).
  matcher: ["/((?!_next/static|_next/image).*)"],
};

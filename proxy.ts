// Two jobs before the route handlers run:
// - CORS preflights for /api/v1 (route files export no OPTIONS; answering here keeps them
//   unchanged). The matcher only sends requests carrying Access-Control-Request-Method here.
// - The compatibility API answers on the original's trailing-slash paths (`/chats/`), and
//   Next's own trailing-slash redirect is off (next.config.ts). Clients that drop the slash
//   still work: reads are redirected permanently, as Django's APPEND_SLASH did, and other
//   methods are rewritten in place, because a redirected POST loses its body in many clients.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/env";
import { corsPreflightHeaders } from "./lib/http/cors";

export function proxy(request: NextRequest) {
  // A plain URL: NextURL drops a trailing slash when serialized, since trailingSlash is off.
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/v1/")) {
    if (request.method !== "OPTIONS") return NextResponse.next();
    const headers = corsPreflightHeaders(request.headers.get("origin"), env.CORS_ORIGINS);
    return new NextResponse(null, { status: 204, headers: { ...headers, "cache-control": "no-store" } });
  }
  if (url.pathname.endsWith("/")) return NextResponse.next();
  url.pathname = `${url.pathname}/`;
  if (request.method === "GET" || request.method === "HEAD") return NextResponse.redirect(url, 301);
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: [
    // Only the compatibility API's prefixes; pages never pass through here.
    "/auth/:path*",
    "/chat/:path*",
    "/chats/:path*",
    "/company-chats/:path*",
    { source: "/api/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};

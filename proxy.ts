// The compatibility API answers on the original's trailing-slash paths (`/chats/`), and Next's
// own trailing-slash redirect is off (next.config.ts). Clients that drop the slash still work:
// reads are redirected permanently, as Django's APPEND_SLASH did, and other methods are
// rewritten in place, because a redirected POST loses its body in many clients.
import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest) {
  // A plain URL: NextURL drops a trailing slash when serialized, since trailingSlash is off.
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) return NextResponse.next();
  url.pathname = `${url.pathname}/`;
  if (request.method === "GET" || request.method === "HEAD") return NextResponse.redirect(url, 301);
  return NextResponse.rewrite(url);
}

export const config = {
  // Only the compatibility API's prefixes; pages and /api/v1 never pass through here.
  matcher: ["/auth/:path*", "/chat/:path*", "/chats/:path*", "/company-chats/:path*"],
};

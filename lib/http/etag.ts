// Conditional GETs for /api/v1 JSON answers: a weak ETag from a hash of the body, and 304 when
// If-None-Match names it. Weak, because a proxy may compress the bytes; the JSON stays the same.
// The server still does the work (the body is hashed after it is built), but the client saves
// the transfer and knows at once that nothing changed.
import { createHash } from "node:crypto";

/** The ETag of a body. */
export function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//i, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

const isJson = (type: string | null) => /^application\/json\b/i.test(type ?? "");

/**
 * A GET's 200 JSON answer with an ETag and revalidation caching, or a 304 when the client has
 * it already. Streams (text/event-stream) and everything else pass through untouched.
 */
export async function withEtag(request: Request, response: Response): Promise<Response> {
  if (request.method !== "GET" || response.status !== 200 || !isJson(response.headers.get("content-type")))
    return response;
  const body = await response.text();
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set("etag", etag);
  // Private: answers depend on the caller. no-cache: keep it, but ask (If-None-Match) every time.
  // A handler that chose its own caching (the public OpenAPI document) keeps it.
  if (!headers.has("cache-control")) headers.set("cache-control", "private, no-cache");
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) {
    headers.delete("content-type");
    headers.delete("content-length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

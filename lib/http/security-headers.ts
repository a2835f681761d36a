// Security headers. The static ones go on every answer through next.config.ts headers(), which
// `next build` evaluates, so nothing there may depend on the environment. The
// Content-Security-Policy is per request (a fresh nonce for every page) and HSTS depends on the
// environment: proxy.ts sets both at run time.
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Both: X-Frame-Options for older browsers, the CSP's frame-ancestors for the rest.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** Two years with subdomains: what the HSTS preload list asks for. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** JSON answers, files and redirects load nothing and are never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of an HTML page. Scripts run only with this request's nonce ('strict-dynamic'
 * lets them load Next's chunks); Next reads the nonce from this header on the request and puts
 * it on its own scripts and inline styles. `next dev` needs eval (React rebuilds server error
 * stacks in the browser) and its overlay injects styles without the nonce; production needs
 * neither.
 */
export function pageCsp(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Listing photos are links to the companies' and marketplaces' own servers (http or https,
    // as listings accept); nothing else on a page shows an image from elsewhere, since message
    // text is never markup.
    "img-src 'self' data: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every page. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// The API surfaces: /api/* and the original's paths (/auth/, /chat/, /chats/, /company-chats/).
const NON_PAGE_PREFIXES = ["/api", "/auth", "/chat", "/chats", "/company-chats"];

/** Whether a path may answer with an HTML page (and so needs the page policy). */
export function servesPages(pathname: string): boolean {
  return !NON_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Security headers for every answer, pages and API alike (next.config.ts). Static on purpose:
// next.config's headers() is evaluated by `next build`, so nothing here may depend on the
// environment (HSTS does, and is set at run time by proxy.ts instead).
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Both: X-Frame-Options for older browsers, frame-ancestors for the rest. Only framing is
  // restricted; a script CSP would need nonces in every page and is a task of its own.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** Two years with subdomains: what the HSTS preload list asks for. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

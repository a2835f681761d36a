/**
 * Where to go after signing in: a path on this site only. Anything else (`https://evil`,
 * `//evil`, `/\evil`) falls back to "/", so the sign-in page cannot be used as an open redirect.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

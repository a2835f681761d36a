// The client's IP address, for per-IP rate limits of anonymous calls and sign-in attempts.
//
// `next start` puts the socket address into X-Forwarded-For only when the request has no such
// header (`??=` in Next's base server); a header the client sent is passed on untouched. So:
// - behind N trusted proxies (TRUST_PROXY=N), each appended the address it saw, and the N-th
//   entry from the right is the one the outermost trusted proxy saw: the client;
// - served directly (TRUST_PROXY=0), the last entry is the socket address, unless the client
//   sent the header itself, which we cannot tell apart. Per-IP limits can then be dodged by a
//   client that forges the header; failed sign-ins also lock the email tried, which forging does not
//   dodge. Production should sit behind a proxy and set TRUST_PROXY.

/** The client address from X-Forwarded-For, trusting `trustedHops` proxies. */
export function clientIpFrom(forwardedFor: string | null, trustedHops: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chosen = hops[Math.max(hops.length - Math.max(trustedHops, 1), 0)];
  return chosen ? normalize(chosen) : "unknown";
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, lower case, bounded length. */
function normalize(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\](:\d+)?$/g, "");
  return (lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower).slice(0, 64);
}

// Which counters a request is charged to, and the store that counts them: memory when embedded
// (one process), PostgreSQL otherwise (instances share the counts).
import "server-only";
import { env } from "../../env";
import { MemoryRateLimitStore } from "./memory-store";
import { PostgresRateLimitStore } from "./postgres-store";
import { type Bucket, type Hit, type Verdict, verdictOf } from "./verdict";

type Store = { hit(key: string, windowSeconds: number): Promise<Hit> };

// On globalThis: Next.js may load this module more than once per process.
const holder = globalThis as typeof globalThis & { __estateChatRateLimits?: Store };
const store = (): Store =>
  (holder.__estateChatRateLimits ??= env.embedded
    ? new MemoryRateLimitStore()
    : new PostgresRateLimitStore());

/** Charges one request to these buckets; null when no limit applies (all switched off). */
export async function chargeBuckets(buckets: Bucket[]): Promise<Verdict | null> {
  const active = buckets.filter((bucket) => bucket.limit > 0);
  if (active.length === 0) return null;
  const window = env.RATE_LIMIT_WINDOW_SECONDS;
  const hits = await Promise.all(active.map((bucket) => store().hit(bucket.key, window)));
  return verdictOf(active, hits, window);
}

/** Calls of the API: per API key or user when authenticated, per client IP when anonymous. */
export const apiBucket = (identity: string | null, ip: string): Bucket => ({
  key: `api:${identity ?? `ip:${ip}`}`,
  limit: env.RATE_LIMIT_API,
});

/**
 * Sign-in, token, refresh and registration attempts, on every surface (API, compatibility
 * paths, browser): per client IP, and per email tried, which an attacker spreading attempts
 * over many addresses cannot escape.
 */
export function signInBuckets(ip: string, email?: string): Bucket[] {
  const buckets = [{ key: `auth:ip:${ip}`, limit: env.RATE_LIMIT_AUTH }];
  // NUL cannot be stored in PostgreSQL text: a client could otherwise turn a sign-in into a 500.
  const normalized = email?.trim().toLowerCase().replaceAll("\0", "?").slice(0, 254);
  if (normalized) buckets.push({ key: `auth:email:${normalized}`, limit: env.RATE_LIMIT_AUTH });
  return buckets;
}

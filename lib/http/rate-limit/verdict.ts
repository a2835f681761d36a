// Fixed-window rate limits: what one counted request learns, and how it is told to the client
// (the IETF draft's RateLimit-Limit / -Remaining / -Reset fields, plus RateLimit-Policy).

/** A counter to charge: `key` names who (and which class of limit), `limit` per window. */
export type Bucket = { key: string; limit: number };
/** What a store answers for one hit: the count in the current window and when it ends. */
export type Hit = { count: number; resetSeconds: number };
export type Verdict = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
};

/**
 * The verdict over several buckets charged for one request (say per IP and per email): refused
 * when any is over, and the headers speak of the one nearest its limit.
 */
export function verdictOf(buckets: Bucket[], hits: Hit[], windowSeconds: number): Verdict {
  let worst: Verdict | null = null;
  buckets.forEach((bucket, i) => {
    const hit = hits[i] ?? { count: 0, resetSeconds: windowSeconds };
    const verdict: Verdict = {
      allowed: hit.count <= bucket.limit,
      limit: bucket.limit,
      remaining: Math.max(bucket.limit - hit.count, 0),
      resetSeconds: Math.max(hit.resetSeconds, 1),
      windowSeconds,
    };
    const worse =
      !worst ||
      (worst.allowed && !verdict.allowed) ||
      (worst.allowed === verdict.allowed && verdict.remaining < worst.remaining);
    if (worse) worst = verdict;
  });
  return worst ?? { allowed: true, limit: 0, remaining: 0, resetSeconds: windowSeconds, windowSeconds };
}

/** The RateLimit-* fields of an answer, and Retry-After when it was refused. */
export function rateLimitHeaders(verdict: Verdict): Record<string, string> {
  return {
    "ratelimit-limit": String(verdict.limit),
    "ratelimit-remaining": String(verdict.remaining),
    "ratelimit-reset": String(verdict.resetSeconds),
    "ratelimit-policy": `${verdict.limit};w=${verdict.windowSeconds}`,
    ...(verdict.allowed ? {} : { "retry-after": String(verdict.resetSeconds) }),
  };
}

export function setRateLimitHeaders(headers: Headers, verdict: Verdict): void {
  for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) headers.set(name, value);
}

/** Start of the fixed window holding `nowMs`, in ms. */
export const windowStartOf = (nowMs: number, windowSeconds: number) =>
  Math.floor(nowMs / (windowSeconds * 1000)) * windowSeconds * 1000;

// What one counted request learns from a limit, and how it is told to the client (the IETF
// draft's RateLimit-Limit / -Remaining / -Reset fields, plus RateLimit-Policy).
import { AppError } from "../../errors";

export type Verdict = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
};

/** A counter as a limiter answers for it: points used in its window, and ms until it ends. */
export type Count = { consumedPoints: number; msBeforeNext: number };

/** The verdict on a counter that allows `limit` points per `windowSeconds`. */
export function verdictOf(limit: number, windowSeconds: number, count: Count): Verdict {
  return {
    allowed: count.consumedPoints <= limit,
    limit,
    remaining: Math.max(limit - count.consumedPoints, 0),
    resetSeconds: secondsUntil(count.msBeforeNext),
    windowSeconds,
  };
}

/** Whole seconds, rounded up and at least 1: a client told 0 would retry at once. */
export const secondsUntil = (ms: number) => Math.max(Math.ceil(ms / 1000), 1);

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

/**
 * Sets a verdict's headers on an answer, unless the answer carries a limit's headers already:
 * a sign-in refused by its account's lock speaks of the lock, not of the flood ceiling it passed.
 */
export function setRateLimitHeaders(headers: Headers, verdict: Verdict): void {
  if (headers.has("ratelimit-limit")) return;
  for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) headers.set(name, value);
}

/** "1 second", "7 seconds": how long to wait, as the refusals say it. */
export const inSeconds = (seconds: number) => `${seconds} second${seconds === 1 ? "" : "s"}`;

/**
 * A refusal; each surface's error responder shapes it and adds the verdict's headers. The text
 * is DRF's throttling message, which clients of the original may match.
 */
export class RateLimited extends AppError {
  constructor(readonly verdict: Verdict) {
    super(
      "too_many_requests",
      `Request was throttled. Expected available in ${inSeconds(verdict.resetSeconds)}.`,
    );
  }
}

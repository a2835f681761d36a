// When to try again. Standard Webhooks suggests growing waits over more than a day (5 s, 5 min,
// 30 min, 2 h, 5 h, 10 h, 10 h); configuration (WEBHOOK_RETRY_DELAYS) sets the list, tests
// shorten it. Jitter spreads the retries of many deliveries that failed together (one outage).

/**
 * The wait before the next attempt after `attemptsMade` failed attempts, or null when the
 * schedule is exhausted and the delivery has failed for good. ±10 % jitter.
 */
export function retryDelayMs(attemptsMade: number, delays: number[], random = Math.random): number | null {
  const base = delays[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.9 + 0.2 * random()));
}

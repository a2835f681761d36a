// Brute-force protection of sign-in and refresh, on every surface: failures count (per account
// and per IP), successes do not. Every call also counts toward the flood ceiling (limits.ts).
import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { clientIp } from "../caller-identity";
import { consume, type LimiterSpec, limiterFor } from "./limiters";
import { accountKey, type LockPolicy, lockSeconds } from "./sign-in-policy";
import { RateLimited, secondsUntil } from "./verdict";

const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;

const lockPolicy = (): LockPolicy => ({
  lockAfter: env.RATE_LIMIT_SIGNIN_LOCK_AFTER,
  maxSeconds: env.RATE_LIMIT_SIGNIN_LOCK_MAX_SECONDS,
});
/** An account's attempts since its last success, remembered for a day after the first. */
const accountAttempts = (): LimiterSpec => ({
  name: "signin_attempts",
  points: env.RATE_LIMIT_SIGNIN_LOCK_AFTER,
  durationSeconds: DAY_SECONDS,
});
/** The account's lock; once it passes, the first attempt takes it again until it is decided. */
const accountLock = (): LimiterSpec => ({
  name: "signin_lock",
  points: 1,
  durationSeconds: env.RATE_LIMIT_SIGNIN_LOCK_MAX_SECONDS,
});
/** Failed sign-ins and refreshes from one address, across accounts, per hour. */
const addressFailures = (): LimiterSpec => ({
  name: "signin_failures_ip",
  points: env.RATE_LIMIT_SIGNIN_IP_FAILURES,
  durationSeconds: HOUR_SECONDS,
});

/**
 * Checks an email and password (`verify` answers null when they do not match) unless the
 * address or the account is locked, which throws RateLimited. An unknown email is counted like
 * a wrong password, so neither the answers nor the locks tell whether an account exists.
 */
export async function limitPasswordAttempt<T>(
  request: { headers: Headers },
  email: string,
  verify: () => Promise<T | null>,
): Promise<T | null> {
  const ip = clientIp(request);
  await refuseLockedAddress(ip);
  const attempt = await startAccountAttempt(accountKey(email));
  let actor: T | null;
  try {
    actor = await verify();
  } catch (error) {
    await attempt.abandon();
    throw error;
  }
  if (actor) await attempt.succeeded();
  else await Promise.all([attempt.failed(), recordAddressFailure(ip)]);
  return actor;
}

/** Runs a refresh unless the address is locked; an invalid refresh token counts against the IP. */
export async function limitRefreshAttempt<T>(
  request: { headers: Headers },
  refresh: () => Promise<T>,
): Promise<T> {
  const ip = clientIp(request);
  await refuseLockedAddress(ip);
  try {
    return await refresh();
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") await recordAddressFailure(ip);
    throw error;
  }
}

type AccountAttempt = {
  succeeded(): Promise<unknown>;
  failed(): Promise<unknown>;
  /** Neither: verification itself failed (the database is down), so it counts for nothing. */
  abandon(): Promise<unknown>;
};

const UNLIMITED_ATTEMPT: AccountAttempt = {
  succeeded: async () => {},
  failed: async () => {},
  abandon: async () => {},
};

/**
 * Counts the attempt before the password is checked, so guesses sent at once cannot all slip
 * in before the first failure is written: past `lockAfter`, each attempt must take the lock,
 * which only one at a time can, and none while it holds.
 */
async function startAccountAttempt(key: string): Promise<AccountAttempt> {
  const policy = lockPolicy();
  if (policy.lockAfter === 0) return UNLIMITED_ATTEMPT;
  const attempts = limiterFor(accountAttempts());
  const lock = limiterFor(accountLock());
  const number = (await attempts.penalty(key)).consumedPoints;
  const gated = number > policy.lockAfter;
  if (gated) {
    const taken = await consume(accountLock(), key, { customDuration: lockSeconds(number, policy) });
    if (taken.consumedPoints > 1) {
      await attempts.reward(key);
      throw new RateLimited({
        allowed: false,
        limit: policy.lockAfter,
        remaining: 0,
        resetSeconds: secondsUntil(taken.msBeforeNext),
        windowSeconds: DAY_SECONDS,
      });
    }
  }
  return {
    succeeded: () => Promise.all([attempts.delete(key), gated && lock.delete(key)]),
    failed: async () => {
      const seconds = lockSeconds(number, policy);
      if (seconds > 0) await lock.block(key, seconds);
    },
    abandon: () => Promise.all([attempts.reward(key), gated && lock.delete(key)]),
  };
}

async function refuseLockedAddress(ip: string): Promise<void> {
  const limit = env.RATE_LIMIT_SIGNIN_IP_FAILURES;
  if (limit === 0) return;
  const failures = await limiterFor(addressFailures()).get(ip);
  if (!failures || failures.consumedPoints < limit || failures.msBeforeNext <= 0) return;
  throw new RateLimited({
    allowed: false,
    limit,
    remaining: 0,
    resetSeconds: secondsUntil(failures.msBeforeNext),
    windowSeconds: HOUR_SECONDS,
  });
}

async function recordAddressFailure(ip: string): Promise<void> {
  if (env.RATE_LIMIT_SIGNIN_IP_FAILURES === 0) return;
  await limiterFor(addressFailures()).penalty(ip);
}

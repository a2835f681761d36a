// The sign-in lock's rules as pure functions; lib/http/rate-limit/sign-in-guard.ts applies them.
import { createHash } from "node:crypto";

/** `lockAfter` failures in a row lock an account (0: never); no lock lasts over `maxSeconds`. */
export type LockPolicy = { lockAfter: number; maxSeconds: number };

/**
 * How long an account stays locked after its `failures`-th failure since its last success:
 * not at all before `lockAfter`, then 1 s, doubling with each further failure, up to
 * `maxSeconds`. Short at first, so an attacker cannot lock the owner out for long; growing, so
 * guessing one account slows to one try per `maxSeconds`.
 */
export function lockSeconds(failures: number, { lockAfter, maxSeconds }: LockPolicy): number {
  if (lockAfter === 0 || failures < lockAfter) return 0;
  // The exponent is capped so a long run of failures cannot overflow to Infinity.
  return Math.min(2 ** Math.min(failures - lockAfter, 30), maxSeconds);
}

/**
 * The counters' key for the account an email names, whether it exists or not (so a lock
 * says nothing about existence): normalized as sign-in looks accounts up, then hashed, which
 * bounds its length, makes any text storable, and keeps addresses out of the counters.
 */
export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

// The limits on calls, whatever their outcome: API calls per caller, and sign-in calls per IP
// (a ceiling for floods; failed sign-ins are limited much more tightly by sign-in-guard.ts).
import "server-only";
import { env } from "../../env";
import { consume, type LimiterSpec } from "./limiters";
import { type Verdict, verdictOf } from "./verdict";

/** Calls of the API: per API key or user when authenticated, per client IP when anonymous. */
const apiCalls = (): LimiterSpec => ({
  name: "api",
  points: env.RATE_LIMIT_API,
  durationSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
});

/** Sign-in, token, refresh and registration calls on every surface, per client IP. */
const signInCalls = (): LimiterSpec => ({
  name: "signin_calls",
  points: env.RATE_LIMIT_AUTH,
  durationSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
});

/** Charges one call; null when the limit is switched off. */
async function charge(spec: LimiterSpec, key: string): Promise<Verdict | null> {
  if (spec.points === 0) return null;
  return verdictOf(spec.points, spec.durationSeconds, await consume(spec, key));
}

export const chargeApiCall = (identity: string | null, ip: string) =>
  charge(apiCalls(), identity ?? `ip:${ip}`);

export const chargeSignInCall = (ip: string) => charge(signInCalls(), ip);

// The counters behind every limit, kept by rate-limiter-flexible: in this process's memory when
// embedded (one process), in PostgreSQL otherwise, so instances on one database share them.
import "server-only";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import { database } from "../../db/client";
import { env } from "../../env";

/** One class of counter: `points` allowed per `durationSeconds`, counted per key. */
export type LimiterSpec = { name: string; points: number; durationSeconds: number };

// On globalThis: Next.js may load this module more than once per process.
const holder = globalThis as typeof globalThis & { __estateChatLimiters?: Map<string, RateLimiterAbstract> };

/** The limiter of a spec, made on first use (a spec's numbers come from env and never change). */
export function limiterFor(spec: LimiterSpec): RateLimiterAbstract {
  holder.__estateChatLimiters ??= new Map();
  const limiters = holder.__estateChatLimiters;
  let limiter = limiters.get(spec.name);
  if (!limiter) {
    // One limiter per process sweeps the shared table: its sweep deletes every limiter's rows.
    limiter = create(spec, limiters.size === 0);
    limiters.set(spec.name, limiter);
  }
  return limiter;
}

function create(spec: LimiterSpec, sweeps: boolean): RateLimiterAbstract {
  const options = { keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds };
  if (env.embedded) return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: database().pool,
    storeType: "pool",
    // Made by a migration (prisma/schema.prisma, model RateLimit): no CREATE TABLE at start-up.
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: sweeps,
  });
}

/**
 * Charges one point. Over the limit, rate-limiter-flexible rejects with the counter's state
 * (a RateLimiterRes); that is an answer here, not an error. Store failures (Errors) still throw.
 * Told apart by `instanceof Error`, not by the class: a limiter kept on globalThis may come from
 * another bundle's copy of the library.
 */
export async function consume(
  spec: LimiterSpec,
  key: string,
  options?: { customDuration: number },
): Promise<RateLimiterRes> {
  try {
    return await limiterFor(spec).consume(key, 1, options);
  } catch (refusal) {
    if (refusal instanceof Error) throw refusal;
    return refusal as RateLimiterRes;
  }
}

// Who a request counts against, for rate limits and idempotency keys: one string per caller.
import { env } from "../env";
import type { Caller } from "./authenticate";
import { clientIpFrom } from "./client-ip";

/**
 * The caller's identity. People are scoped by user (all their tokens and sessions share it);
 * when API keys arrive, a key gets its own identity here (`key:<id>`), and nothing else changes.
 */
export function callerIdentity(caller: Caller): string {
  return `user:${caller.actor.userId}`;
}

/** The client's IP address as this deployment can trust it (TRUST_PROXY). */
export function clientIp(request: { headers: Headers }): string {
  return clientIpFrom(request.headers.get("x-forwarded-for"), env.TRUST_PROXY);
}

// Who a request counts against, for rate limits and idempotency keys: one string per caller.
import "server-only";
import { env } from "../env";
import type { Caller } from "./caller";
import { clientIpFrom } from "./client-ip";

/**
 * The caller's identity. People are scoped by user (all their tokens and sessions share it); an
 * API key, company key or personal token, is its own caller (`key:<id>`), with its own limits
 * and its own idempotency keys.
 */
export function callerIdentity(caller: Caller): string {
  return caller.apiKey ? `key:${caller.apiKey.id}` : `user:${caller.actor.userId}`;
}

/** The client's IP address as this deployment can trust it (TRUST_PROXY). */
export function clientIp(request: { headers: Headers }): string {
  return clientIpFrom(request.headers.get("x-forwarded-for"), env.TRUST_PROXY);
}

import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { getWebhookEndpointOrThrow } from "./get-webhook-endpoint";

/** The log shows each delivery's most recent attempts; older ones are summed up by the count. */
const ATTEMPTS_SHOWN = 10;

export const webhookDeliverySelect = {
  id: true,
  endpointId: true,
  webhookId: true,
  eventType: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastError: true,
  createdAt: true,
  deliveredAt: true,
  attempts: {
    orderBy: { id: "desc" },
    take: ATTEMPTS_SHOWN,
    select: { id: true, attemptedAt: true, statusCode: true, latencyMs: true, error: true },
  },
} as const satisfies Prisma.WebhookDeliverySelect;

export type WebhookDeliveryRecord = Prisma.WebhookDeliveryGetPayload<{
  select: typeof webhookDeliverySelect;
}>;

const CursorSchema = z.tuple([z.string().regex(/^\d{1,18}$/)]);

/** An endpoint's deliveries, newest first, each with its latest attempts. 404 outside scope. */
export async function listWebhookDeliveries(
  actor: Actor,
  endpointId: number,
  query: { limit: number; cursor?: string },
): Promise<Page<WebhookDeliveryRecord>> {
  await getWebhookEndpointOrThrow(actor, endpointId);
  const before = query.cursor ? BigInt(decodeCursor(query.cursor, CursorSchema)[0]) : undefined;
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId, ...(before !== undefined ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: webhookDeliverySelect,
  });
  return pageFrom(rows, query.limit, (last) => encodeCursor([last.id.toString()]));
}

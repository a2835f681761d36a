import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { webhookEndpointScope } from "./endpoint-scope";
import { type WebhookDeliveryRecord, webhookDeliverySelect } from "./list-webhook-deliveries";

/**
 * Queues a delivery again, at once, with the same webhook-id and body (a receiver that stored
 * it already can tell). It gets a fresh retry schedule. Refused while an attempt is under way
 * (it would race that attempt) and while the endpoint is disabled (it would never go out).
 */
export async function redeliverWebhook(
  actor: Actor,
  endpointId: number,
  deliveryId: bigint,
): Promise<WebhookDeliveryRecord> {
  return db().$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId, endpoint: webhookEndpointScope(actor) },
      select: { status: true, endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw notFound("Webhook delivery");
    if (!delivery.endpoint.enabled) {
      throw new AppError("conflict", "The endpoint is disabled; enable it before redelivering.");
    }
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { not: "delivering" } },
      data: { status: "pending", attemptCount: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0)
      throw new AppError("conflict", "This delivery is being attempted right now; try again shortly.");
    return tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: webhookDeliverySelect });
  });
}

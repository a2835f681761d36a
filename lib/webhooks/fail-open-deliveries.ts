import type { Prisma } from "../db/client";

/**
 * Gives up on an endpoint's deliveries still waiting for an attempt. Used when the endpoint is
 * disabled: re-enabling it later must not flood the receiver with stale events (each one can
 * still be redelivered by hand).
 */
export async function failOpenDeliveries(tx: Prisma.TransactionClient, endpointId: number, reason: string) {
  await tx.webhookDelivery.updateMany({
    where: { endpointId, status: { in: ["pending", "delivering"] } },
    data: { status: "failed", lastError: reason },
  });
}

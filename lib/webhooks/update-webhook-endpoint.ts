import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { checkWebhookUrl } from "./check-webhook-url";
import { type WebhookEndpointRecord, webhookEndpointScope, webhookEndpointSelect } from "./endpoint-scope";
import { failOpenDeliveries } from "./fail-open-deliveries";

export type WebhookEndpointChanges = {
  url?: string;
  eventTypes?: string[];
  description?: string;
  enabled?: boolean;
};

/**
 * Changes an endpoint of the actor's companies. Enabling clears the failure state (a fresh
 * start for the automatic disabling); disabling gives up on deliveries still waiting.
 */
export async function updateWebhookEndpoint(
  actor: Actor,
  endpointId: number,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpointRecord> {
  const url = changes.url === undefined ? undefined : (await checkWebhookUrl(changes.url)).toString();
  return db().$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, ...webhookEndpointScope(actor) },
      select: { enabled: true },
    });
    if (!current) throw notFound("Webhook endpoint");
    const toggled = changes.enabled !== undefined && changes.enabled !== current.enabled;
    if (toggled && changes.enabled === false) {
      await failOpenDeliveries(tx, endpointId, "endpoint disabled");
    }
    return tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: {
        url,
        description: changes.description,
        eventTypes: changes.eventTypes ? [...new Set(changes.eventTypes)] : undefined,
        ...(toggled && changes.enabled
          ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
          : {}),
        ...(toggled && !changes.enabled
          ? { enabled: false, disabledAt: new Date(), disabledReason: `Disabled by ${actor.name}.` }
          : {}),
      },
      select: webhookEndpointSelect,
    });
  });
}

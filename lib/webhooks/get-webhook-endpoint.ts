import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { type WebhookEndpointRecord, webhookEndpointScope, webhookEndpointSelect } from "./endpoint-scope";

/** One endpoint of the actor's companies; 404 for anything else. */
export async function getWebhookEndpointOrThrow(
  actor: Actor,
  endpointId: number,
): Promise<WebhookEndpointRecord> {
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { id: endpointId, ...webhookEndpointScope(actor) },
    select: webhookEndpointSelect,
  });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

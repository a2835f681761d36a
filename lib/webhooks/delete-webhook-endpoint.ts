import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { webhookEndpointScope } from "./endpoint-scope";

/** Removes an endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(actor: Actor, endpointId: number): Promise<void> {
  const { count } = await db().webhookEndpoint.deleteMany({
    where: { id: endpointId, ...webhookEndpointScope(actor) },
  });
  if (count === 0) throw notFound("Webhook endpoint");
}

import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { type WebhookEndpointRecord, webhookEndpointScope, webhookEndpointSelect } from "./endpoint-scope";
import { encryptWebhookSecret, secretHint } from "./secret-box";
import { generateWebhookSecret } from "./sign";

/**
 * Replaces the endpoint's secret; the new one is returned in clear, once. Attempts from now on
 * (retries of older deliveries included) are signed with it.
 */
export async function rotateWebhookSecret(
  actor: Actor,
  endpointId: number,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const secret = generateWebhookSecret();
  const { count } = await db().webhookEndpoint.updateMany({
    where: { id: endpointId, ...webhookEndpointScope(actor) },
    data: { secretEncrypted: encryptWebhookSecret(secret), secretHint: secretHint(secret) },
  });
  if (count === 0) throw notFound("Webhook endpoint");
  const endpoint = await db().webhookEndpoint.findUniqueOrThrow({
    where: { id: endpointId },
    select: webhookEndpointSelect,
  });
  return { endpoint, secret };
}

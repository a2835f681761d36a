import "server-only";
import type { Actor } from "../auth/actor";
import { representsCompany } from "../chats/scope";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { checkWebhookUrl } from "./check-webhook-url";
import { type WebhookEndpointRecord, webhookEndpointSelect } from "./endpoint-scope";
import { encryptWebhookSecret, secretHint } from "./secret-box";
import { generateWebhookSecret } from "./sign";

/** Enough for several integrations; bounds the outbox rows one event can create. */
export const MAX_ENDPOINTS_PER_COMPANY = 20;

export type WebhookEndpointInput = {
  companyId: number;
  url: string;
  eventTypes: string[];
  description?: string;
};

/**
 * Registers an endpoint for a company the actor represents (any company for an admin; another
 * company is 404). Returns the secret in clear: this is the only time it is shown.
 */
export async function createWebhookEndpoint(
  actor: Actor,
  input: WebhookEndpointInput,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  if (!representsCompany(actor, input.companyId)) throw notFound("Company");
  const url = await checkWebhookUrl(input.url);
  const secret = generateWebhookSecret();
  const endpoint = await db().$transaction(async (tx) => {
    // Locks the company row: two concurrent creations cannot both slip under the cap.
    const company = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM companies WHERE id = ${input.companyId} FOR UPDATE`;
    if (company.length === 0) throw notFound("Company");
    const count = await tx.webhookEndpoint.count({ where: { companyId: input.companyId } });
    if (count >= MAX_ENDPOINTS_PER_COMPANY) {
      throw new AppError(
        "conflict",
        `A company can have at most ${MAX_ENDPOINTS_PER_COMPANY} webhook endpoints; remove one first.`,
      );
    }
    return tx.webhookEndpoint.create({
      data: {
        companyId: input.companyId,
        url: url.toString(),
        description: input.description ?? "",
        eventTypes: [...new Set(input.eventTypes)],
        secretEncrypted: encryptWebhookSecret(secret),
        secretHint: secretHint(secret),
      },
      select: webhookEndpointSelect,
    });
  });
  return { endpoint, secret };
}

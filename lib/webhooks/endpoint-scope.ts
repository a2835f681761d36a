// Which webhook endpoints an actor may manage, as a Prisma `where`: those of the companies they
// represent (every company for an admin). Another company's endpoint is simply not found.
import type { Actor } from "../auth/actor";
import { companyScope } from "../chats/scope";
import type { Prisma } from "../db/client";

export const webhookEndpointScope = (actor: Actor): Prisma.WebhookEndpointWhereInput => companyScope(actor);

export const webhookEndpointSelect = {
  id: true,
  companyId: true,
  url: true,
  description: true,
  secretHint: true,
  eventTypes: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WebhookEndpointSelect;

export type WebhookEndpointRecord = Prisma.WebhookEndpointGetPayload<{
  select: typeof webhookEndpointSelect;
}>;

// What an API key row carries when it leaves lib/ (never the hash), and its API shape.
import type { z } from "zod";
import type { ApiKeyKind } from "../auth/actor";
import type { Scope } from "../auth/scopes";
import type { Prisma } from "../db/client";
import type { ApiKeySchema } from "./schemas";
import { displayPrefix } from "./token";

export const apiKeySelect = {
  id: true,
  kind: true,
  name: true,
  publicId: true,
  scopes: true,
  companyId: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true } },
} satisfies Prisma.ApiKeySelect;

export type ApiKeyRecord = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

export function toApiKey(key: ApiKeyRecord): z.input<typeof ApiKeySchema> {
  return {
    id: key.id,
    kind: key.kind as ApiKeyKind,
    name: key.name,
    prefix: displayPrefix(key.kind as ApiKeyKind, key.publicId),
    scopes: key.scopes as Scope[],
    company_id: key.companyId,
    created_by: key.user,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

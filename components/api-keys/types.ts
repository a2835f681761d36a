import type { z } from "zod";
import type { ApiKeySchema, CreatedApiKeySchema } from "@/lib/api-keys/schemas";

export type ApiKey = z.infer<typeof ApiKeySchema>;
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
export type KeyPage = { data: ApiKey[]; next_cursor: string | null };

/** Whose keys a list holds: the viewer's personal tokens, or one company's keys. */
export type KeyOwner = { id: string; title: string; companyId: number | null; firstPage: KeyPage };

/** The list URL of an owner's keys (the same API the page's first view was read through). */
export function keysUrl(owner: Pick<KeyOwner, "companyId">, cursor?: string): string {
  const params = new URLSearchParams({ limit: "50" });
  if (owner.companyId !== null) params.set("company_id", String(owner.companyId));
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/api-keys?${params}`;
}

import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";
import { type WebhookEndpointRecord, webhookEndpointScope, webhookEndpointSelect } from "./endpoint-scope";

const CursorSchema = z.tuple([z.number().int().max(MAX_DB_ID)]);

/** The actor's endpoints, oldest first, optionally of one company (still within their scope). */
export async function listWebhookEndpoints(
  actor: Actor,
  query: { companyId?: number; limit: number; cursor?: string },
): Promise<Page<WebhookEndpointRecord>> {
  const afterId = query.cursor ? decodeCursor(query.cursor, CursorSchema)[0] : 0;
  const rows = await db().webhookEndpoint.findMany({
    where: {
      AND: [
        webhookEndpointScope(actor),
        query.companyId !== undefined ? { companyId: query.companyId } : {},
        { id: { gt: afterId } },
      ],
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: webhookEndpointSelect,
  });
  return pageFrom(rows, query.limit, (last) => encodeCursor([last.id]));
}

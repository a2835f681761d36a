import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";
import { assertPerson } from "./create-api-key";
import { companyKeyScope, managesCompany, personalKeyScope } from "./scope";
import { type ApiKeyRecord, apiKeySelect } from "./select";

const KeyCursorSchema = z.tuple([z.number().int().positive().max(MAX_DB_ID)]);

/**
 * The actor's personal tokens, or with `companyId` that company's keys (its representatives
 * and admins only; anyone else gets 404). Newest first, revoked ones included so the list
 * shows what happened to them.
 */
export async function listApiKeys(
  actor: Actor,
  query: { companyId?: number; limit: number; cursor?: string },
): Promise<Page<ApiKeyRecord>> {
  assertPerson(actor);
  if (query.companyId !== undefined && !managesCompany(actor, query.companyId)) throw notFound("Company");
  const scope =
    query.companyId === undefined ? personalKeyScope(actor) : companyKeyScope(actor, query.companyId);
  const before = query.cursor ? { id: { lt: decodeCursor(query.cursor, KeyCursorSchema)[0] } } : {};
  const rows = await db().apiKey.findMany({
    where: { AND: [scope, before] },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: apiKeySelect,
  });
  return pageFrom(rows, query.limit, (last) => encodeCursor([last.id]));
}

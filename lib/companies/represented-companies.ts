import "server-only";
import type { Actor } from "../auth/actor";
import { companyScope } from "../chats/scope";
import { db } from "../db/client";

/** The companies whose chats the actor answers (all of them for an admin), by name. */
export async function listRepresentedCompanies(actor: Actor): Promise<{ id: number; name: string }[]> {
  if (!actor.isAdmin && actor.companyIds.length === 0) return [];
  return db().company.findMany({
    where: { id: companyScope(actor).companyId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true },
  });
}

import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";

/**
 * The companies the settings page offers company keys for: those the actor represents. Admins
 * may manage any company's keys, but through the API (?company_id=): a page with a section for
 * every company would not scale.
 */
export async function listKeyOwnerCompanies(actor: Actor): Promise<{ id: number; name: string }[]> {
  if (actor.companyIds.length === 0) return [];
  return db().company.findMany({
    where: { id: { in: actor.companyIds } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

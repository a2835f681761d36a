import "server-only";
import type { Actor } from "../auth/actor";
import { representsCompany } from "../chats/scope";
import { Prisma } from "../db/client";
import { int, text } from "../db/columns";
import { queryRows } from "../db/sql";
import { representativesSql } from "./assign-statements";

export type Representative = { id: number; name: string; availability: "available" | "away" };

/**
 * The people a chat of this company may be assigned to (directly linked or by group), by name:
 * the console's assignee control. Only for someone who answers for the company (an admin for
 * every one); anybody else learns nothing, not even that the company has representatives.
 */
export async function listRepresentatives(actor: Actor, companyId: number): Promise<Representative[]> {
  if (!representsCompany(actor, companyId)) return [];
  const rows = await queryRows(
    { id: int, name: text, availability: text },
    Prisma.sql`
      SELECT users.id, users.name, users.availability::text AS availability FROM users
      WHERE users.id IN (${representativesSql(Prisma.sql`${companyId}::int`, { availableOnly: false })})
      ORDER BY users.name, users.id`,
  );
  return rows.map((row) => ({ ...row, availability: row.availability === "away" ? "away" : "available" }));
}

import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { companyChatScope } from "./scope";

/** Chats per status, and how many of them have messages the company side has not read. */
export type CompanyChatCounts = {
  open: { total: number; unread: number };
  closed: { total: number; unread: number };
};

/**
 * The console's filter counts: chats of the companies the actor represents (all for an admin),
 * optionally of one company, grouped by open/closed, in two grouped queries (never one per row).
 */
export async function countCompanyChatsByStatus(
  actor: Actor,
  filters: { companyId?: number } = {},
): Promise<CompanyChatCounts> {
  const where = {
    AND: [companyChatScope(actor), filters.companyId !== undefined ? { companyId: filters.companyId } : {}],
  };
  const [all, unread] = await Promise.all([
    db().chat.groupBy({ by: ["isActive"], where, _count: { _all: true } }),
    db().chat.groupBy({
      by: ["isActive"],
      where: { AND: [where, { companyUnreadCount: { gt: 0 } }] },
      _count: { _all: true },
    }),
  ]);
  const countOf = (rows: typeof all, isActive: boolean) =>
    rows.find((row) => row.isActive === isActive)?._count._all ?? 0;
  return {
    open: { total: countOf(all, true), unread: countOf(unread, true) },
    closed: { total: countOf(all, false), unread: countOf(unread, false) },
  };
}

import type { Actor } from "../auth/actor";
import { db, type Prisma } from "../db/client";
import type { ChatFilters } from "./list-chats";

/** The company side's totals over some companies, from the per-company counter rows. */
export type CompanyChatTotals = {
  openChats: number;
  closedChats: number;
  openUnreadChats: number;
  closedUnreadChats: number;
  unreadMessages: number;
};

/** The actor's companies (every company for an admin), optionally narrowed to one. */
function statsScope(actor: Actor, companyId?: number): Prisma.CompanyChatStatsWhereInput {
  return {
    AND: [
      actor.isAdmin ? {} : { companyId: { in: actor.companyIds } },
      companyId !== undefined ? { companyId } : {},
    ],
  };
}

/**
 * Sums the counter rows that triggers on `chats` keep (migration company_chat_stats): one row
 * per company, however many chats it has, so a company with 50,000 chats costs what one with
 * ten does. A company without a row has no chats.
 */
export async function companyChatTotals(actor: Actor, companyId?: number): Promise<CompanyChatTotals> {
  const { _sum: sum } = await db().companyChatStats.aggregate({
    where: statsScope(actor, companyId),
    _sum: {
      openChats: true,
      closedChats: true,
      openUnreadChats: true,
      closedUnreadChats: true,
      unreadMessages: true,
    },
  });
  return {
    openChats: sum.openChats ?? 0,
    closedChats: sum.closedChats ?? 0,
    openUnreadChats: sum.openUnreadChats ?? 0,
    closedUnreadChats: sum.closedUnreadChats ?? 0,
    unreadMessages: sum.unreadMessages ?? 0,
  };
}

/** How many of the actor's company-side chats match the list filters, from the totals. */
export async function countCompanyChats(actor: Actor, filters: ChatFilters): Promise<number> {
  const totals = await companyChatTotals(actor, filters.companyId);
  const open = { all: totals.openChats, unread: totals.openUnreadChats };
  const closed = { all: totals.closedChats, unread: totals.closedUnreadChats };
  const states = filters.isActive === undefined ? [open, closed] : [filters.isActive ? open : closed];
  let count = 0;
  for (const state of states) {
    if (filters.unread === true) count += state.unread;
    else if (filters.unread === false) count += state.all - state.unread;
    else count += state.all;
  }
  return count;
}

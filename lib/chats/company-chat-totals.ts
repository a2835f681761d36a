import "server-only";
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/client";
import { int, type RowOf } from "../db/columns";
import { queryRows } from "../db/sql";
import type { ChatFilters } from "./chat-filters";
import { representedCompaniesSql } from "./scope";

/** The company side's totals over some companies, from the per-company counter rows. */
const totalColumnTypes = {
  openChats: int,
  closedChats: int,
  openUnreadChats: int,
  closedUnreadChats: int,
  unreadMessages: int,
};
export type CompanyChatTotals = RowOf<typeof totalColumnTypes>;

/**
 * Sums the counter rows that triggers on `chats` keep (migration company_chat_stats): one row
 * per company, however many chats it has, so a company with 50,000 chats costs what one with
 * ten does. A company without a row has no chats. Over the actor's companies (every company for
 * an admin), optionally narrowed to one. Read on every unread-count poll: hand-written SQL
 * (lib/db/sql.ts).
 */
export async function companyChatTotals(actor: Actor, companyId?: number): Promise<CompanyChatTotals> {
  const narrowed = companyId === undefined ? Prisma.empty : Prisma.sql`AND company_id = ${companyId}`;
  const [totals] = await queryRows(
    totalColumnTypes,
    Prisma.sql`
    SELECT coalesce(sum(open_chats), 0)::int AS "openChats",
           coalesce(sum(closed_chats), 0)::int AS "closedChats",
           coalesce(sum(open_unread_chats), 0)::int AS "openUnreadChats",
           coalesce(sum(closed_unread_chats), 0)::int AS "closedUnreadChats",
           coalesce(sum(unread_messages), 0)::int AS "unreadMessages"
    FROM company_chat_stats
    WHERE ${representedCompaniesSql(actor, Prisma.raw("company_id"))} ${narrowed}`,
  );
  return (
    totals ?? { openChats: 0, closedChats: 0, openUnreadChats: 0, closedUnreadChats: 0, unreadMessages: 0 }
  );
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

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
  const [totals] = await queryRows(totalColumnTypes, totalsStatement(actor, companyId, Prisma.empty));
  return totals ?? NO_TOTALS;
}

const assignmentColumnTypes = { ...totalColumnTypes, openMine: int, openUnassigned: int };
export type CompanyChatTotalsWithAssignment = RowOf<typeof assignmentColumnTypes>;

/**
 * The totals, and how many open chats the actor answers and how many wait in the queue: the
 * console's tabs. Counted from chats in the same statement (no counter row keeps them), each
 * over an index: chats(assignee_id, is_active) for "mine", chats(company_id, assignee_id, …)
 * for the queue, so neither reads the companies' other chats.
 */
export async function companyChatTotalsWithAssignment(
  actor: Actor,
  companyId?: number,
): Promise<CompanyChatTotalsWithAssignment> {
  const narrowed = companyId === undefined ? Prisma.empty : Prisma.sql`AND chats.company_id = ${companyId}`;
  const openIn = Prisma.sql`chats.is_active AND ${representedCompaniesSql(actor, Prisma.raw("chats.company_id"))} ${narrowed}`;
  const [totals] = await queryRows(
    assignmentColumnTypes,
    totalsStatement(
      actor,
      companyId,
      Prisma.sql`,
      (SELECT count(*) FROM chats WHERE chats.assignee_id = ${actor.userId} AND ${openIn})::int AS "openMine",
      (SELECT count(*) FROM chats WHERE chats.assignee_id IS NULL AND ${openIn})::int AS "openUnassigned"`,
    ),
  );
  return totals ?? { ...NO_TOTALS, openMine: 0, openUnassigned: 0 };
}

const NO_TOTALS: CompanyChatTotals = {
  openChats: 0,
  closedChats: 0,
  openUnreadChats: 0,
  closedUnreadChats: 0,
  unreadMessages: 0,
};

function totalsStatement(actor: Actor, companyId: number | undefined, moreColumns: Prisma.Sql): Prisma.Sql {
  const narrowed = companyId === undefined ? Prisma.empty : Prisma.sql`AND company_id = ${companyId}`;
  return Prisma.sql`
    SELECT coalesce(sum(open_chats), 0)::int AS "openChats",
           coalesce(sum(closed_chats), 0)::int AS "closedChats",
           coalesce(sum(open_unread_chats), 0)::int AS "openUnreadChats",
           coalesce(sum(closed_unread_chats), 0)::int AS "closedUnreadChats",
           coalesce(sum(unread_messages), 0)::int AS "unreadMessages" ${moreColumns}
    FROM company_chat_stats
    WHERE ${representedCompaniesSql(actor, Prisma.raw("company_id"))} ${narrowed}`;
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

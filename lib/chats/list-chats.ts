import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/client";
import { int } from "../db/columns";
import { queryRows } from "../db/sql";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";
import type { ChatFilters } from "./chat-filters";
import { selectChats } from "./chat-rows";
import { countCompanyChats } from "./company-chat-totals";
import { chatScopeSql, type Side } from "./scope";
import type { ChatRecord } from "./select";

const ChatCursorSchema = z.tuple([z.iso.datetime(), z.number().int().max(MAX_DB_ID)]);

/** The list's conditions over `chats`: the actor's scope on that side, then the filters. */
function chatListWhere(actor: Actor, side: Side, filters: ChatFilters): Prisma.Sql {
  const unread = Prisma.raw(side === "buyer" ? "chats.buyer_unread_count" : "chats.company_unread_count");
  const conditions = [chatScopeSql(actor, side)];
  if (filters.companyId !== undefined) conditions.push(Prisma.sql`chats.company_id = ${filters.companyId}`);
  if (filters.isActive !== undefined) conditions.push(Prisma.sql`chats.is_active = ${filters.isActive}`);
  if (filters.unread === true) conditions.push(Prisma.sql`${unread} > 0`);
  if (filters.unread === false) conditions.push(Prisma.sql`${unread} = 0`);
  if (filters.assignee === "none") conditions.push(Prisma.sql`chats.assignee_id IS NULL`);
  else if (filters.assignee !== undefined)
    conditions.push(Prisma.sql`chats.assignee_id = ${filters.assignee}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The actor's chats from one side, by cursor (the versioned API and the pages). Newest activity
 * first; id breaks ties so the order is total and cursors are stable.
 */
export async function listChats(
  actor: Actor,
  side: Side,
  query: ChatFilters & { limit: number; cursor?: string },
): Promise<Page<ChatRecord>> {
  let where = chatListWhere(actor, side, query);
  if (query.cursor) {
    const [updatedAt, id] = decodeCursor(query.cursor, ChatCursorSchema);
    where = Prisma.sql`${where} AND (chats.updated_at, chats.id) < (${new Date(updatedAt)}::timestamptz, ${id}::int)`;
  }
  const rows = await selectChats(where, { limit: query.limit + 1 });
  return pageFrom(rows, query.limit, (last) => encodeCursor([last.updatedAt.toISOString(), last.id]));
}

/**
 * Page-number listing with a total, as the original API paginates (10 a page). The company
 * side's total comes from the per-company counters (a company may have tens of thousands of
 * chats); a buyer's chats are few, so they are counted.
 *
 * The page itself stays an OFFSET: page N of a list that moves with every message has no key
 * to seek to without reading the N×10 rows before it (the index walk stops after them, so it
 * costs by page depth, not by the company's size). Page 1, what clients open, reads 10 rows.
 */
export async function listChatsByPage(
  actor: Actor,
  side: Side,
  query: ChatFilters & { page: number; pageSize: number },
): Promise<{ count: number; chats: ChatRecord[] }> {
  const where = chatListWhere(actor, side, query);
  const [count, chats] = await Promise.all([
    side === "company" ? countCompanyChats(actor, query) : countChats(where),
    selectChats(where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { count, chats };
}

async function countChats(where: Prisma.Sql): Promise<number> {
  const [row] = await queryRows(
    { count: int },
    Prisma.sql`SELECT count(*)::int AS count FROM chats WHERE ${where}`,
  );
  return row?.count ?? 0;
}

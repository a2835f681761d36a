import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db, type Prisma } from "../db/client";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";
import { countCompanyChats } from "./company-chat-totals";
import { chatScope, type Side, unreadCounterOf } from "./scope";
import { type ChatRecord, chatSelect } from "./select";

export type ChatFilters = {
  /** Company side: only this company's chats (still within the actor's companies). */
  companyId?: number;
  isActive?: boolean;
  /** Only chats with messages this side has not read. */
  unread?: boolean;
};

/** Newest activity first; id breaks ties so the order is total and cursors are stable. */
const chatOrder: Prisma.ChatOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { id: "desc" }];
const ChatCursorSchema = z.tuple([z.iso.datetime(), z.number().int().max(MAX_DB_ID)]);

function chatListWhere(actor: Actor, side: Side, filters: ChatFilters): Prisma.ChatWhereInput {
  return {
    AND: [
      chatScope(actor, side),
      filters.companyId !== undefined ? { companyId: filters.companyId } : {},
      filters.isActive !== undefined ? { isActive: filters.isActive } : {},
      filters.unread === true ? { [unreadCounterOf(side)]: { gt: 0 } } : {},
      filters.unread === false ? { [unreadCounterOf(side)]: 0 } : {},
    ],
  };
}

/** The actor's chats from one side, by cursor (the versioned API and the pages). */
export async function listChats(
  actor: Actor,
  side: Side,
  query: ChatFilters & { limit: number; cursor?: string },
): Promise<Page<ChatRecord>> {
  let after: Prisma.ChatWhereInput = {};
  if (query.cursor) {
    const [updatedAt, id] = decodeCursor(query.cursor, ChatCursorSchema);
    const at = new Date(updatedAt);
    after = { OR: [{ updatedAt: { lt: at } }, { updatedAt: at, id: { lt: id } }] };
  }
  const rows = await db().chat.findMany({
    where: { AND: [chatListWhere(actor, side, query), after] },
    orderBy: chatOrder,
    take: query.limit + 1,
    select: chatSelect,
  });
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
    side === "company" ? countCompanyChats(actor, query) : db().chat.count({ where }),
    db().chat.findMany({
      where,
      orderBy: chatOrder,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: chatSelect,
    }),
  ]);
  return { count, chats };
}

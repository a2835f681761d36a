import "server-only";
import type { Actor } from "../auth/actor";
import { db, Prisma } from "../db/client";
import { int } from "../db/columns";
import { queryRows } from "../db/sql";
import { companyChatTotals } from "./company-chat-totals";
import { chatScope, chatScopeSql, type Side } from "./scope";

/**
 * Messages this side has not read, over all the actor's chats on that side. The company side
 * reads the per-company counters (one row per company, however many chats); a buyer's chats
 * with something unread are summed from the index.
 */
export async function countUnread(actor: Actor, side: Side): Promise<{ total: number; chats: number }> {
  if (side === "company") {
    const totals = await companyChatTotals(actor);
    return { total: totals.unreadMessages, chats: totals.openUnreadChats + totals.closedUnreadChats };
  }
  // Polled by every open page and client: hand-written SQL (lib/db/sql.ts), from the
  // (buyer_id, buyer_unread_count) index alone.
  const [row] = await queryRows(
    { total: int, chats: int },
    Prisma.sql`
    SELECT coalesce(sum(buyer_unread_count), 0)::int AS total, count(*)::int AS chats
    FROM chats
    WHERE ${chatScopeSql(actor, "buyer")} AND buyer_unread_count > 0`,
  );
  return row ?? { total: 0, chats: 0 };
}

export const MAX_UNREAD_ROWS = 1000;

/** Per-chat unread counts for the buyer side (the original `unread_count` endpoint). */
export async function listBuyerUnreadByChat(actor: Actor) {
  const chats = await db().chat.findMany({
    where: chatScope(actor, "buyer"),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: MAX_UNREAD_ROWS,
    select: { id: true, buyerUnreadCount: true, company: { select: { name: true } } },
  });
  return chats.map((chat) => ({
    chatId: chat.id,
    companyName: chat.company.name,
    unread: chat.buyerUnreadCount,
  }));
}

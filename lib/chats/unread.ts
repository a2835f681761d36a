import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { companyChatTotals } from "./company-chat-totals";
import { chatScope, type Side, unreadCounterOf } from "./scope";

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
  const counter = unreadCounterOf(side);
  const result = await db().chat.aggregate({
    where: { ...chatScope(actor, side), [counter]: { gt: 0 } },
    _sum: { [counter]: true },
    _count: { _all: true },
  });
  const sum = result._sum as Partial<Record<typeof counter, number | null>>;
  return { total: sum[counter] ?? 0, chats: result._count._all };
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

import "server-only";
import type { Actor } from "../auth/actor";
import { chatScope, incomingSenderType, type Side, unreadCounterOf } from "../chats/scope";
import { db } from "../db/client";
import { notFound } from "../errors";
import { appendEvent } from "../events/append-event";
import { unreadCountsOf } from "../events/payloads";

/**
 * Marks everything the other side wrote as read by this side (the guide's rule: the company
 * reads the buyer's messages, the buyer reads the company's). Returns how many changed.
 * The counter goes down by exactly the rows this call marked, in the same transaction, so a
 * message arriving meanwhile is neither lost from the count nor counted twice.
 */
export async function markChatRead(actor: Actor, side: Side, chatId: number): Promise<number> {
  return db().$transaction(async (tx) => {
    const chat = await tx.chat.findFirst({
      where: { id: chatId, ...chatScope(actor, side) },
      select: { id: true },
    });
    if (!chat) throw notFound("Chat");
    const readAt = new Date();
    const { count } = await tx.message.updateMany({
      where: { chatId, senderType: incomingSenderType(side), readAt: null },
      data: { readAt },
    });
    if (count === 0) return 0;
    const updated = await tx.chat.update({
      where: { id: chatId },
      data: { [unreadCounterOf(side)]: { decrement: count } },
      select: { id: true, companyId: true, buyerId: true, buyerUnreadCount: true, companyUnreadCount: true },
    });
    await appendEvent(tx, {
      type: "messages.read",
      chat: updated,
      payload: {
        chat_id: chatId,
        reader: side,
        count,
        read_at: readAt.toISOString(),
        ...unreadCountsOf(updated),
      },
    });
    return count;
  });
}

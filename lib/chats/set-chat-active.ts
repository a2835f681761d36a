import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { appendEvent } from "../events/append-event";
import { getChatOrThrow } from "./get-chat";
import { chatScope } from "./scope";
import type { ChatRecord } from "./select";

/** Closes (false) or reopens (true) a chat, from the company side only. */
export async function setChatActive(actor: Actor, chatId: number, isActive: boolean): Promise<ChatRecord> {
  await db().$transaction(async (tx) => {
    // Matches only a chat in the other state, so repeating a close changes and announces nothing.
    const { count } = await tx.chat.updateMany({
      where: { id: chatId, isActive: !isActive, ...chatScope(actor, "company") },
      data: { isActive, updatedAt: new Date() },
    });
    const chat = await tx.chat.findFirst({
      where: { id: chatId, ...chatScope(actor, "company") },
      select: { id: true, companyId: true, buyerId: true },
    });
    if (!chat) throw notFound("Chat");
    if (count === 1) {
      await appendEvent(
        tx,
        isActive
          ? { type: "chat.reopened", chat, payload: { chat_id: chat.id, is_active: true } }
          : { type: "chat.closed", chat, payload: { chat_id: chat.id, is_active: false } },
      );
    }
  });
  return getChatOrThrow(actor, "company", chatId);
}

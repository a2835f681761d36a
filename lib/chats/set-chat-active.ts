import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { getChatOrThrow } from "./get-chat";
import { companyChatScope } from "./scope";
import type { ChatRecord } from "./select";

/** Closes (false) or reopens (true) a chat, from the company side only. */
export async function setChatActive(actor: Actor, chatId: number, isActive: boolean): Promise<ChatRecord> {
  const { count } = await db().chat.updateMany({
    where: { id: chatId, ...companyChatScope(actor) },
    data: { isActive, updatedAt: new Date() },
  });
  if (count === 0) throw notFound("Chat");
  return getChatOrThrow(actor, "company", chatId);
}

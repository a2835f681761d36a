import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { chatScope, type Side } from "./scope";
import { type ChatRecord, chatSelect } from "./select";

/** One chat the actor may see from the given side; 404 otherwise. */
export async function getChatOrThrow(actor: Actor, side: Side, chatId: number): Promise<ChatRecord> {
  const chat = await db().chat.findFirst({
    where: { id: chatId, ...chatScope(actor, side) },
    select: chatSelect,
  });
  if (!chat) throw notFound("Chat");
  return chat;
}

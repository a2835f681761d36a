import "server-only";
import type { Actor } from "../auth/actor";
import { chatScope, type Side } from "../chats/scope";
import { db } from "../db/client";
import { notFound } from "../errors";
import { TYPING_CHANNEL, type TypingSignal } from "./typing-signal";

/** At most one signal per person and chat in this window; clients send on keystrokes. */
export const TYPING_THROTTLE_MS = 2_000;
const lastSent = new Map<string, number>();

/** Tells the other side of a chat that the actor is typing. Never stored. */
export async function announceTyping(actor: Actor, side: Side, chatId: number): Promise<{ sent: boolean }> {
  const chat = await db().chat.findFirst({
    where: { id: chatId, ...chatScope(actor, side) },
    select: { id: true, buyerId: true, companyId: true },
  });
  if (!chat) throw notFound("Chat");
  const key = `${actor.userId}:${chatId}`;
  const now = Date.now();
  if (now - (lastSent.get(key) ?? 0) < TYPING_THROTTLE_MS) return { sent: false };
  lastSent.set(key, now);
  if (lastSent.size > 10_000) {
    for (const [entry, at] of lastSent) if (now - at > TYPING_THROTTLE_MS) lastSent.delete(entry);
  }
  const signal: TypingSignal = {
    chat_id: chat.id,
    buyer_id: chat.buyerId,
    company_id: chat.companyId,
    side,
    user: { id: actor.userId, name: actor.name },
  };
  await db().$executeRaw`SELECT pg_notify(${TYPING_CHANNEL}, ${JSON.stringify(signal)})`;
  return { sent: true };
}

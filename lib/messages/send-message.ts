import { toMessage } from "../api/v1-serialize";
import { type Actor, isCompanyKey } from "../auth/actor";
import { chatScope, outgoingSenderType, type Side, unreadCounterOf } from "../chats/scope";
import { type MessageRecord, messageSelect } from "../chats/select";
import { db, type Prisma } from "../db/client";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { appendEvent, unreadCountsOf } from "../events/append-event";

export type SendResult = { message: MessageRecord; replayed: boolean };

const otherSide = (side: Side): Side => (side === "buyer" ? "company" : "buyer");

/**
 * Sends a message from one side of a chat: the buyer, or a representative replying for the
 * company (recorded as the sender). A message sent with an API key records the key. Refuses an inactive chat on both sides.
 *
 * With a clientMessageId the send happens at most once: a retry, even a concurrent one,
 * returns the first message (`replayed: true`); the same id with other content is a 422.
 */
export async function sendMessage(
  actor: Actor,
  side: Side,
  chatId: number,
  input: { content: string; clientMessageId?: string },
): Promise<SendResult> {
  const senderType = outgoingSenderType(side);
  if (input.clientMessageId) {
    const earlier = await findBySendKey(actor, side, chatId, input.clientMessageId);
    if (earlier) return replay(earlier, input.content);
  }
  try {
    const message = await db().$transaction(async (tx) => {
      const now = new Date();
      // The conditional update takes the chat's row lock: a concurrent close either
      // happens before (and we refuse) or waits until this message is committed.
      const { count } = await tx.chat.updateMany({
        where: { id: chatId, isActive: true, ...chatScope(actor, side) },
        data: { updatedAt: now, [unreadCounterOf(otherSide(side))]: { increment: 1 } },
      });
      if (count === 0) throw await refusal(tx, actor, side, chatId);
      const created = await tx.message.create({
        data: {
          chatId,
          senderType,
          // A company key is no person: the reply records the key instead of a sender.
          senderId: isCompanyKey(actor) ? null : actor.userId,
          apiKeyId: actor.apiKey?.id ?? null,
          content: input.content,
          createdAt: now,
          clientMessageId: input.clientMessageId ?? null,
        },
        select: messageSelect,
      });
      const chat = await tx.chat.update({
        where: { id: chatId },
        data: { lastMessageId: created.id },
        select: {
          id: true,
          companyId: true,
          buyerId: true,
          buyerUnreadCount: true,
          companyUnreadCount: true,
        },
      });
      await appendEvent(tx, {
        type: "message.created",
        chat,
        payload: { chat_id: chatId, message: toMessage(created), ...unreadCountsOf(chat) },
      });
      return created;
    });
    return { message, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its message.
    if (input.clientMessageId && isUniqueViolation(error)) {
      const earlier = await findBySendKey(actor, side, chatId, input.clientMessageId);
      if (earlier) return replay(earlier, input.content);
    }
    throw error;
  }
}

function findBySendKey(actor: Actor, side: Side, chatId: number, clientMessageId: string) {
  return db().message.findFirst({
    where: {
      chatId,
      senderType: outgoingSenderType(side),
      clientMessageId,
      chat: chatScope(actor, side),
    },
    select: messageSelect,
  });
}

function replay(message: MessageRecord, content: string): SendResult {
  if (message.content !== content) {
    throw new AppError(
      "idempotency_mismatch",
      "This idempotency key was already used for a different message.",
      [{ field: "content", message: "Differs from the message first sent with this key." }],
    );
  }
  return { message, replayed: true };
}

/** Why the conditional update matched nothing: a closed chat, or one the actor cannot see. */
async function refusal(
  tx: Prisma.TransactionClient,
  actor: Actor,
  side: Side,
  chatId: number,
): Promise<AppError> {
  const chat = await tx.chat.findFirst({
    where: { id: chatId, ...chatScope(actor, side) },
    select: { id: true },
  });
  return chat
    ? new AppError("chat_closed", "This chat is closed; it accepts no new messages.")
    : notFound("Chat");
}

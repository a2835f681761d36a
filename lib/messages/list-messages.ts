import { z } from "zod";
import type { Actor } from "../auth/actor";
import { chatScope, type Side } from "../chats/scope";
import { type MessageRecord, messageSelect } from "../chats/select";
import { db } from "../db/client";
import { notFound } from "../errors";
import { DbIdQuerySchema } from "../validation";

export const MAX_MESSAGE_PAGE = 100;

export const MessagePageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_MESSAGE_PAGE).default(50),
    before: DbIdQuerySchema.optional(),
    after: DbIdQuerySchema.optional(),
  })
  .refine((query) => query.before === undefined || query.after === undefined, {
    message: "Give either before or after, not both.",
    path: ["before"],
  });
export type MessagePageQuery = z.infer<typeof MessagePageQuerySchema>;

export type MessagePage = {
  /** Oldest first, as a conversation reads. */
  messages: MessageRecord[];
  /** More messages exist beyond this page in the direction asked for. */
  hasMore: boolean;
};

/**
 * A page of a chat's messages. Without a cursor: the newest `limit`. With `before`: the
 * `limit` messages just older than that id; with `after`: just newer. Always oldest first.
 */
export async function listMessages(
  actor: Actor,
  side: Side,
  chatId: number,
  query: { limit: number; before?: number; after?: number },
): Promise<MessagePage> {
  const forward = query.after !== undefined;
  const [chat, rows] = await Promise.all([
    db().chat.findFirst({ where: { id: chatId, ...chatScope(actor, side) }, select: { id: true } }),
    db().message.findMany({
      where: {
        chatId,
        chat: chatScope(actor, side),
        ...(query.before !== undefined ? { id: { lt: query.before } } : {}),
        ...(query.after !== undefined ? { id: { gt: query.after } } : {}),
      },
      orderBy: { id: forward ? "asc" : "desc" },
      take: query.limit + 1,
      select: messageSelect,
    }),
  ]);
  if (!chat) throw notFound("Chat");
  const page = rows.slice(0, query.limit);
  return { messages: forward ? page : page.reverse(), hasMore: rows.length > query.limit };
}

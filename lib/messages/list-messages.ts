import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { chatScopeSql, type Side } from "../chats/scope";
import type { MessageRecord } from "../chats/select";
import { Prisma } from "../db/client";
import { queryRows } from "../db/sql";
import { notFound } from "../errors";
import { DbIdQuerySchema } from "../validation";
import { messageColumns, messageColumnTypes, messageJoins, messageRecordOf } from "./message-rows";

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
  const bound =
    query.before !== undefined
      ? Prisma.sql`AND message.id < ${query.before}`
      : query.after !== undefined
        ? Prisma.sql`AND message.id > ${query.after}`
        : Prisma.empty;
  // One statement: the chat within the actor's scope (no row: 404), with its page of messages
  // joined on (one row with no message when the page is empty).
  const rows = await queryRows(
    messageColumnTypes,
    Prisma.sql`
    SELECT ${messageColumns}
    FROM chats
    LEFT JOIN LATERAL (
      SELECT * FROM messages message
      WHERE message.chat_id = chats.id ${bound}
      ORDER BY message.id ${forward ? Prisma.sql`ASC` : Prisma.sql`DESC`}
      LIMIT ${query.limit + 1}
    ) message ON true
    ${messageJoins}
    WHERE chats.id = ${chatId} AND ${chatScopeSql(actor, side)}
    ORDER BY message.id ${forward ? Prisma.sql`ASC` : Prisma.sql`DESC`}`,
  );
  if (rows.length === 0) throw notFound("Chat");
  const messages = rows.flatMap((row) => messageRecordOf(row) ?? []);
  const page = messages.slice(0, query.limit);
  return { messages: forward ? page : page.reverse(), hasMore: messages.length > query.limit };
}

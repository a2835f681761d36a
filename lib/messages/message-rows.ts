// A message as hand-written SQL reads it (lib/db/sql.ts): the columns and joins of a row aliased
// `message`, with its sender and API key, and the MessageRecord Prisma's `messageSelect` would
// give. Shared by the chat list (each chat's last message) and the message pages.

import "server-only";
import type { MessageRecord } from "../chats/select";
import { Prisma } from "../db/client";
import type { SenderType } from "../generated/prisma/enums";

export type MessageColumns = {
  message_id: number | null;
  message_chat_id: number;
  sender_type: SenderType;
  content: string;
  message_created_at: Date;
  read_at: Date | null;
  client_message_id: string | null;
  sender_id: number | null;
  sender_name: string;
  api_key_id: number | null;
  api_key_name: string;
};

/** The select list for the row aliased `message`; pair with messageJoins. */
export const messageColumns = Prisma.sql`
  message.id AS message_id, message.chat_id AS message_chat_id, message.sender_type,
  message.content, message.created_at AS message_created_at, message.read_at,
  message.client_message_id, sender.id AS sender_id, sender.name AS sender_name,
  api_key.id AS api_key_id, api_key.name AS api_key_name`;

/**
 * The sender and the API key, one index probe each per message. (LIMIT 1 keeps each a probe:
 * as plain joins the planner may hash a whole table for a page of 20 rows.)
 */
export const messageJoins = Prisma.sql`
  LEFT JOIN LATERAL (SELECT id, name FROM users WHERE users.id = message.sender_id LIMIT 1) sender ON true
  LEFT JOIN LATERAL (
    SELECT id, name FROM api_keys WHERE api_keys.id = message.api_key_id LIMIT 1
  ) api_key ON true`;

/** The message of a row, or null when the row has none (a left join that matched nothing). */
export function messageRecordOf(row: MessageColumns): MessageRecord | null {
  if (row.message_id === null) return null;
  return {
    id: row.message_id,
    chatId: row.message_chat_id,
    senderType: row.sender_type,
    content: row.content,
    createdAt: row.message_created_at,
    readAt: row.read_at,
    clientMessageId: row.client_message_id,
    sender: row.sender_id === null ? null : { id: row.sender_id, name: row.sender_name },
    apiKey: row.api_key_id === null ? null : { id: row.api_key_id, name: row.api_key_name },
  };
}

// A chat list as one hand-written statement (lib/db/sql.ts): the chat with its company, buyer and
// last message (with its sender and API key) as plain joins, one row per chat, in the shape
// Prisma's `chatSelect` gives everywhere else (ChatRecord).
import "server-only";
import { Prisma } from "../db/client";
import { bool, int, nullable, type RowOf, text, timestamptz } from "../db/columns";
import { queryRows } from "../db/sql";
import { messageColumns, messageColumnTypes, messageJoins, messageRecordOf } from "../messages/message-rows";
import type { ChatRecord } from "./select";

const chatColumnTypes = {
  ...messageColumnTypes,
  id: int,
  created_at: timestamptz,
  updated_at: timestamptz,
  is_active: bool,
  buyer_unread_count: int,
  company_unread_count: int,
  company_id: int,
  company_name: text,
  buyer_id: int,
  buyer_name: text,
  buyer_email: text,
  contact_name: nullable(text),
  assignee_id: nullable(int),
  assignee_name: nullable(text),
};
type ChatRow = RowOf<typeof chatColumnTypes>;

/** Chats matching `where` (over `chats`), newest activity first, then by id. */
export async function selectChats(
  where: Prisma.Sql,
  page: { limit: number; offset?: number },
): Promise<ChatRecord[]> {
  // The page is cut first, then each of its rows looks up its company, buyer and last message
  // by primary key (LIMIT 1 keeps each lateral a probe rather than a join the planner may hash):
  // the cost is the page's size, whatever the tables' sizes, and planning stays short.
  const rows = await queryRows(
    chatColumnTypes,
    Prisma.sql`
    SELECT chats.id, chats.created_at, chats.updated_at, chats.is_active,
           chats.buyer_unread_count, chats.company_unread_count,
           company.id AS company_id, company.name AS company_name,
           buyer.id AS buyer_id, buyer.name AS buyer_name, buyer.email AS buyer_email, chats.contact_name,
           assignee.id AS assignee_id, assignee.name AS assignee_name,
           ${messageColumns}
    FROM (
      SELECT * FROM chats
      WHERE ${where}
      ORDER BY chats.updated_at DESC, chats.id DESC
      LIMIT ${page.limit} OFFSET ${page.offset ?? 0}
    ) chats
    CROSS JOIN LATERAL (
      SELECT id, name FROM companies WHERE companies.id = chats.company_id LIMIT 1
    ) company
    CROSS JOIN LATERAL (SELECT id, name, email FROM users WHERE users.id = chats.buyer_id LIMIT 1) buyer
    LEFT JOIN LATERAL (SELECT id, name FROM users WHERE users.id = chats.assignee_id LIMIT 1) assignee ON true
    LEFT JOIN LATERAL (SELECT * FROM messages WHERE messages.id = chats.last_message_id LIMIT 1) message ON true
    ${messageJoins}
    ORDER BY chats.updated_at DESC, chats.id DESC`,
  );
  return rows.map(chatRecordOf);
}

function chatRecordOf(row: ChatRow): ChatRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    isActive: row.is_active,
    buyerUnreadCount: row.buyer_unread_count,
    companyUnreadCount: row.company_unread_count,
    company: { id: row.company_id, name: row.company_name },
    buyer: { id: row.buyer_id, name: row.buyer_name, email: row.buyer_email },
    contactName: row.contact_name,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? "" },
    lastMessage: messageRecordOf(row),
  };
}

// The statements of a lead (lib/leads/create-lead.ts), hand-written because a lead is a hot write:
// through Prisma's interactive transaction its ten statements cost about three times a send.
import "server-only";
import { Prisma } from "../db/client";
import { bool, int, nullable, text } from "../db/columns";
import type { TransactionQuery } from "../db/sql";
import { appendEventIn, type ChatRef, eventStatement } from "../events/append-event";
import type { EventPayloads, LeadJson } from "../events/payloads";

export type LeadParties = {
  buyerId: number;
  buyerCreated: boolean;
  chatId: number;
  chatActive: boolean;
  chatCreated: boolean;
  /** The message an earlier delivery of this lead posted, if any, and what it said. */
  earlier: { id: number; content: string } | null;
};

const partiesColumns = {
  buyer_id: int,
  buyer_created: bool,
  chat_id: int,
  chat_active: bool,
  chat_created: bool,
  earlier_message_id: nullable(int),
  earlier_content: nullable(text),
};

/**
 * The buyer with this email (or a new contact without a password) and their one chat with the
 * company (or a new one), race-free through the unique indexes. A chat the lead starts for an
 * account that already existed carries the lead's name (Chat.contactName): the company sees
 * what the lead said, not the account's own name.
 *
 * Null when a concurrent lead inserted the same contact or chat after this statement's snapshot
 * was taken (ON CONFLICT skipped it, the SELECT cannot see it yet): run it again, and the next
 * statement's snapshot sees it.
 */
export async function findOrCreateParties(
  query: TransactionQuery,
  input: { companyId: number; email: string; name: string; clientMessageId: string },
): Promise<LeadParties | null> {
  const { companyId, email, name, clientMessageId } = input;
  const [row] = await query(
    partiesColumns,
    Prisma.sql`
      WITH new_contact AS (
        INSERT INTO users (email, name, password_hash) VALUES (${email}, ${name}, NULL)
        ON CONFLICT (email) DO NOTHING
        RETURNING id
      ), contact AS (
        SELECT id, true AS created FROM new_contact
        UNION ALL
        SELECT id, false FROM users WHERE email = ${email} AND NOT EXISTS (SELECT FROM new_contact)
      ), new_chat AS (
        INSERT INTO chats (buyer_id, company_id, contact_name)
        SELECT contact.id, ${companyId}, CASE WHEN contact.created THEN NULL ELSE ${name}::text END
        FROM contact
        ON CONFLICT (buyer_id, company_id) DO NOTHING
        RETURNING id, is_active
      ), chat AS (
        SELECT id, is_active, true AS created FROM new_chat
        UNION ALL
        SELECT chats.id, chats.is_active, false FROM chats, contact
        WHERE chats.buyer_id = contact.id AND chats.company_id = ${companyId}
          AND NOT EXISTS (SELECT FROM new_chat)
      )
      SELECT contact.id AS buyer_id, contact.created AS buyer_created,
             chat.id AS chat_id, chat.is_active AS chat_active, chat.created AS chat_created,
             earlier.id AS earlier_message_id, earlier.content AS earlier_content
      FROM contact CROSS JOIN chat
      LEFT JOIN messages earlier
        ON earlier.chat_id = chat.id AND earlier.sender_type = 'user'
       AND earlier.client_message_id = ${clientMessageId}`,
  );
  if (!row) return null;
  return {
    buyerId: row.buyer_id,
    buyerCreated: row.buyer_created,
    chatId: row.chat_id,
    chatActive: row.chat_active,
    chatCreated: row.chat_created,
    earlier:
      row.earlier_message_id === null
        ? null
        : { id: row.earlier_message_id, content: row.earlier_content ?? "" },
  };
}

/** A closed chat opens again: a new lead is the buyer asking again. */
export async function reopenChat(query: TransactionQuery, chat: ChatRef): Promise<void> {
  await query(
    { id: int },
    Prisma.sql`UPDATE chats SET is_active = true, updated_at = now() WHERE id = ${chat.id} RETURNING id`,
  );
  await appendEventIn(query, { type: "chat.reopened", chat, payload: { chat_id: chat.id, is_active: true } });
}

/**
 * The lead's record and its lead.created event (company side only), in one statement. The
 * payload is built here but for the lead's id, which the insert assigns.
 */
export async function recordLead(
  query: TransactionQuery,
  chat: ChatRef,
  lead: Omit<LeadJson, "id">,
): Promise<LeadJson> {
  const known: EventPayloads["lead.created"] = { chat_id: chat.id, lead: { id: 0, ...lead } };
  const [row] = await query(
    { lead_id: int, notified: text },
    eventStatement({
      sources: Prisma.sql`
        lead_row AS (
          INSERT INTO leads (company_id, chat_id, message_id, listing_id, source, name, email, phone, created_at)
          VALUES (${chat.companyId}, ${chat.id}, ${lead.message_id}, ${lead.listing_id}::int, ${lead.source},
                  ${lead.name}, ${lead.email}, ${lead.phone}::text, ${lead.created_at}::timestamptz)
          RETURNING id
        ), event_source AS (
          SELECT ${chat.id}::int AS chat_id, ${chat.companyId}::int AS company_id,
                 ${chat.buyerId}::int AS buyer_id,
                 jsonb_set(${JSON.stringify(known)}::jsonb, '{lead,id}', to_jsonb(lead_row.id)) AS payload
          FROM lead_row
        )`,
      type: "lead.created",
      at: new Date(lead.created_at),
      select: Prisma.sql`(SELECT id FROM lead_row) AS lead_id`,
    }),
  );
  if (!row) throw new Error("event_counter row is missing: run the migrations");
  return { id: row.lead_id, ...lead };
}

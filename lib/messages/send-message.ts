import "server-only";
import { type Actor, isCompanyKey } from "../auth/actor";
import { chatScope, chatScopeSql, outgoingSenderType, type Side } from "../chats/scope";
import { type MessageRecord, messageSelect } from "../chats/select";
import { db, Prisma } from "../db/client";
import { int, json, nullable, text } from "../db/columns";
import { queryRows } from "../db/sql";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { eventStatement } from "../events/append-event";
import type { EventPayloads, UnreadCounts } from "../events/payloads";
import type { ListingSummaryRecord } from "../listings/listing-record";
import { logEvent } from "../log";
import { type AwayDue, awayDueSql, awayMessageNow } from "../routing/away-message";
import { messageJson } from "./message-json";
import { listingCardColumns, listingCardColumnTypes, listingCardOf } from "./message-rows";

export type SendResult = { message: MessageRecord; replayed: boolean };

export type SendInput = {
  content: string;
  clientMessageId?: string;
  /** A listing of the chat's company the message is about (its card shows with it). */
  listingId?: number;
};

/**
 * Sends a message from one side of a chat: the buyer, or a representative replying for the
 * company (recorded as the sender). A message sent with an API key records the key. Refuses an
 * inactive chat on both sides, and a listing of another company (404, like one that does not
 * exist).
 *
 * With a clientMessageId the send happens at most once: a retry, even a concurrent one,
 * returns the first message (`replayed: true`); the same id with other content is a 422.
 */
export async function sendMessage(
  actor: Actor,
  side: Side,
  chatId: number,
  input: SendInput,
): Promise<SendResult> {
  if (input.clientMessageId) {
    const earlier = await findBySendKey(actor, side, chatId, input.clientMessageId);
    if (earlier) return replay(earlier, input.content);
  }
  const listing =
    input.listingId === undefined ? null : await findListingOfChat(actor, side, chatId, input.listingId);
  const written = newMessage(actor, side, chatId, { ...input, listing, source: null });
  try {
    const [row] = await queryRows(sendColumns, sendStatement(actor, side, written));
    if (!row) throw await refusal(actor, side, chatId);
    await sendAwayMessageIfClosed(chatId, row.away);
    return { message: { ...written, id: row.message_id }, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the race: answer with its message.
    if (input.clientMessageId && isUniqueViolation(error)) {
      const earlier = await findBySendKey(actor, side, chatId, input.clientMessageId);
      if (earlier) return replay(earlier, input.content);
    }
    throw error;
  }
}

/**
 * The send as one statement, so it commits on its own with no transaction around it (one round
 * trip instead of six), sent like the hot reads (lib/db/sql.ts: prepared once per connection).
 * The chat is locked first, within the actor's scope and only if open, so a concurrent close
 * either happens before (nothing is written) or waits for the commit; then the message takes
 * its id from the sequence, so the chat can point at it in the same update that moves the
 * counters; then the event, with the other side's new unread counter in its payload.
 */
/** What the send statement answers: the message's id and, after a buyer's, a due away message. */
export const sendColumns = { message_id: int, notified: text, away: nullable(json) };

export function sendStatement(actor: Actor, side: Side, message: MessageRecord): Prisma.Sql {
  const unreadOfOtherSide = Prisma.raw(side === "buyer" ? "company_unread_count" : "buyer_unread_count");
  // The event's payload but for what only the statement knows: SQL sets the message's id (0
  // here) and adds the counters.
  const known: Omit<EventPayloads["message.created"], keyof UnreadCounts> = {
    chat_id: message.chatId,
    message: messageJson(message),
  };
  const payload = JSON.stringify(known);
  return eventStatement({
    sources: Prisma.sql`
      chat_lock AS MATERIALIZED (
        SELECT chats.id FROM chats
        WHERE chats.id = ${message.chatId} AND chats.is_active AND ${chatScopeSql(actor, side)}
          -- The away message goes once per quiet spell: re-checked on the locked row itself.
          AND (NOT ${message.automatic} OR NOT chats.away_message_sent)
        FOR UPDATE
      ), new_message AS MATERIALIZED (
        -- Numbered only once the chat is locked: a chat's message ids then follow the order
        -- its sends commit in, which is its events' order, so a client that has seen message N
        -- (live) and later asks for what came after N misses nothing.
        SELECT nextval(pg_get_serial_sequence('messages', 'id'))::int AS id FROM chat_lock
      ), chat AS (
        UPDATE chats
        SET updated_at = ${message.createdAt}, last_message_id = new_message.id,
            ${unreadOfOtherSide} = ${unreadOfOtherSide} + 1,
            -- Set by the away message, cleared by a person's reply, kept by the buyer's messages.
            away_message_sent = CASE WHEN ${side === "company"} THEN ${message.automatic}
                                     ELSE chats.away_message_sent END
        FROM new_message
        WHERE chats.id = ${message.chatId}
        RETURNING chats.id, chats.company_id, chats.buyer_id, chats.buyer_unread_count,
                  chats.company_unread_count, chats.away_message_sent
      ), company_totals AS MATERIALIZED (
        -- The chats trigger updates this row at the end of the statement, after the event
        -- counter is taken; every other writer takes it before the counter (its chat update
        -- ends before its event). Locking it here keeps one order, chat then company totals then
        -- event counter, so two writers never wait on each other in opposite orders (deadlock).
        -- Only a buyer's message moves the company's totals.
        SELECT company_id FROM company_chat_stats
        WHERE ${side === "buyer"} AND company_id = (SELECT company_id FROM chat)
        FOR UPDATE
      ), message AS (
        INSERT INTO messages
          (id, chat_id, sender_type, sender_id, api_key_id, content, created_at, client_message_id,
           listing_id, source, automatic)
        SELECT new_message.id, chat.id, ${message.senderType}::sender_type, ${message.sender?.id ?? null}::int,
               ${message.apiKey?.id ?? null}::int, ${message.content}::text,
               ${message.createdAt}::timestamptz, ${message.clientMessageId}::text,
               ${message.listing?.id ?? null}::int, ${message.source}::text, ${message.automatic}
        FROM new_message, chat
        RETURNING id
      ), event_source AS (
        SELECT chat.id AS chat_id, chat.company_id, chat.buyer_id,
               jsonb_set(${payload}::jsonb, '{message,id}', to_jsonb(message.id))
                 || jsonb_build_object('buyer_unread_count', chat.buyer_unread_count,
                                       'company_unread_count', chat.company_unread_count) AS payload
        FROM chat CROSS JOIN message LEFT JOIN company_totals ON true
      )`,
    type: "message.created",
    at: message.createdAt,
    select: Prisma.sql`(SELECT id FROM message) AS message_id, ${awayDueSql(side)} AS away`,
  });
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
async function refusal(actor: Actor, side: Side, chatId: number): Promise<AppError> {
  const chat = await db().chat.findFirst({
    where: { id: chatId, ...chatScope(actor, side) },
    select: { id: true },
  });
  return chat
    ? new AppError("chat_closed", "This chat is closed; it accepts no new messages.")
    : notFound("Chat");
}

/** The message as it will be written: everything but its id, which the statement assigns. */
export function newMessage(
  actor: Actor,
  side: Side,
  chatId: number,
  input: {
    content: string;
    clientMessageId?: string;
    listing: ListingSummaryRecord | null;
    source: string | null;
  },
): MessageRecord {
  return {
    id: 0,
    chatId,
    senderType: outgoingSenderType(side),
    content: input.content,
    createdAt: new Date(),
    readAt: null,
    clientMessageId: input.clientMessageId ?? null,
    // A company key is no person: the reply records the key instead of a sender.
    sender: isCompanyKey(actor) ? null : { id: actor.userId, name: actor.name },
    apiKey: actor.apiKey ? { id: actor.apiKey.id, name: actor.apiKey.name } : null,
    source: input.source,
    automatic: false,
    listing: input.listing,
  };
}

/**
 * The listing, if it belongs to the company of a chat the actor sees from `side`. Otherwise 404:
 * "Chat" when the chat is not theirs (nothing about its company is told), "Listing" when it is.
 * One hand-written statement answers both (this is on the send's hot path).
 */
async function findListingOfChat(
  actor: Actor,
  side: Side,
  chatId: number,
  listingId: number,
): Promise<ListingSummaryRecord> {
  const [row] = await queryRows(
    listingCardColumnTypes,
    Prisma.sql`
      SELECT ${listingCardColumns}
      FROM chats
      LEFT JOIN LATERAL (
        SELECT * FROM listings WHERE listings.id = ${listingId} AND listings.company_id = chats.company_id
      ) listing ON true
      WHERE chats.id = ${chatId} AND ${chatScopeSql(actor, side)}`,
  );
  if (!row) throw notFound("Chat");
  const listing = listingCardOf(row);
  if (!listing) throw notFound("Listing");
  return listing;
}

/** Nobody in particular: the away message is the company's, sent by the system. */
const SYSTEM: Actor = { userId: 0, email: "", name: "", isAdmin: true, companyIds: [], directCompany: null };

/**
 * After a buyer's message (`away`: the send statement's answer), the company's away message if
 * one is due and the company is closed now: into the chat, marked automatic, without a sender. The
 * statement re-checks on the locked chat that none went out meanwhile (two buyer messages at
 * once send one). A failure is logged, never the buyer's: their message is already sent.
 */
export async function sendAwayMessageIfClosed(chatId: number, away: unknown): Promise<void> {
  const content = awayMessageNow(away as AwayDue | null);
  if (content === null) return;
  const message = {
    ...newMessage(SYSTEM, "company", chatId, { content, listing: null, source: null }),
    sender: null,
    automatic: true,
  };
  try {
    await queryRows(sendColumns, sendStatement(SYSTEM, "company", message));
  } catch (error) {
    logEvent("error", { msg: "the away message could not be sent", chat_id: chatId, error: String(error) });
  }
}

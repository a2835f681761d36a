// A message as hand-written SQL reads it (lib/db/sql.ts): the columns and joins of a row aliased
// `message`, with its sender, API key and listing, and the MessageRecord Prisma's
// `messageSelect` would give. Shared by the chat list (each chat's last message) and the message pages.

import "server-only";
import type { MessageRecord } from "../chats/select";
import { Prisma } from "../db/client";
import { bool, enumColumn, int, nullable, type RowOf, text, timestamptz } from "../db/columns";
import type { ListingStatus, SenderType } from "../generated/prisma/enums";

/** A listing's card columns, of a row aliased `listing` (null throughout when it is missing). */
export const listingCardColumnTypes = {
  listing_id: nullable(int),
  listing_external_id: nullable(text),
  listing_title: nullable(text),
  listing_address: nullable(text),
  listing_url: nullable(text),
  listing_image_url: nullable(text),
  /** numeric as text: exact, made a Prisma.Decimal like Prisma's own reads. */
  listing_price_amount: nullable(text),
  listing_price_currency: nullable(text),
  listing_status: nullable(enumColumn<ListingStatus>("listing_status")),
};
type ListingCardColumns = RowOf<typeof listingCardColumnTypes>;

/** The select list for a listing's card, of a row aliased `listing`. */
export const listingCardColumns = Prisma.sql`
  listing.id AS listing_id, listing.external_id AS listing_external_id, listing.title AS listing_title,
  listing.address AS listing_address, listing.url AS listing_url, listing.image_url AS listing_image_url,
  listing.price_amount::text AS listing_price_amount, listing.price_currency::text AS listing_price_currency,
  listing.status AS listing_status`;

/** Null throughout when the message was left-joined and is missing (a chat with no message). */
export const messageColumnTypes = {
  message_id: nullable(int),
  message_chat_id: nullable(int),
  sender_type: nullable(enumColumn<SenderType>("sender_type")),
  content: nullable(text),
  message_created_at: nullable(timestamptz),
  read_at: nullable(timestamptz),
  client_message_id: nullable(text),
  sender_id: nullable(int),
  sender_name: nullable(text),
  api_key_id: nullable(int),
  api_key_name: nullable(text),
  source: nullable(text),
  automatic: nullable(bool),
  ...listingCardColumnTypes,
};
export type MessageColumns = RowOf<typeof messageColumnTypes>;

/** The select list for the row aliased `message`; pair with messageJoins. */
export const messageColumns = Prisma.sql`
  message.id AS message_id, message.chat_id AS message_chat_id, message.sender_type,
  message.content, message.created_at AS message_created_at, message.read_at,
  message.client_message_id, sender.id AS sender_id, sender.name AS sender_name,
  api_key.id AS api_key_id, api_key.name AS api_key_name, message.source, message.automatic, ${listingCardColumns}`;

/**
 * The sender, the API key and the listing, one index probe each per message. (LIMIT 1 keeps each a probe:
 * as plain joins the planner may hash a whole table for a page of 20 rows.)
 */
export const messageJoins = Prisma.sql`
  LEFT JOIN LATERAL (SELECT id, name FROM users WHERE users.id = message.sender_id LIMIT 1) sender ON true
  LEFT JOIN LATERAL (
    SELECT id, name FROM api_keys WHERE api_keys.id = message.api_key_id LIMIT 1
  ) api_key ON true
  LEFT JOIN LATERAL (SELECT * FROM listings WHERE listings.id = message.listing_id LIMIT 1) listing ON true`;

/** The message of a row, or null when the row has none (a left join that matched nothing). */
export function messageRecordOf(row: MessageColumns): MessageRecord | null {
  const { message_id: id, message_chat_id: chatId, sender_type: senderType, content } = row;
  const createdAt = row.message_created_at;
  // A message's own columns are all set or, without a message, all null.
  if (id === null || chatId === null || senderType === null || content === null || createdAt === null) {
    return null;
  }
  return {
    id,
    chatId,
    senderType,
    content,
    createdAt,
    readAt: row.read_at,
    clientMessageId: row.client_message_id,
    sender: row.sender_id === null ? null : { id: row.sender_id, name: row.sender_name ?? "" },
    apiKey: row.api_key_id === null ? null : { id: row.api_key_id, name: row.api_key_name ?? "" },
    source: row.source,
    automatic: row.automatic ?? false,
    listing: listingCardOf(row),
  };
}

/** The listing of a row with listingCardColumns, or null when the row has none. */
export function listingCardOf(row: ListingCardColumns): MessageRecord["listing"] {
  const {
    listing_id: id,
    listing_external_id: externalId,
    listing_title: title,
    listing_status: status,
  } = row;
  if (id === null || externalId === null || title === null || status === null) return null;
  return {
    id,
    externalId,
    title,
    address: row.listing_address ?? "",
    url: row.listing_url,
    imageUrl: row.listing_image_url,
    priceAmount: row.listing_price_amount === null ? null : new Prisma.Decimal(row.listing_price_amount),
    priceCurrency: row.listing_price_currency,
    status,
  };
}

// A message as it leaves the server: snake_case, ISO times. The versioned API answers with it
// (lib/api/v1-serialize.ts, checked there against the published schema) and message.created
// events carry it, so a client reads the same shape from a page, a send and the live stream.
import type { MessageRecord } from "../chats/select";
import { type ListingSummaryJson, listingSummaryJson } from "../listings/listing-json";

export type MessageJson = {
  id: number;
  chat_id: number;
  sender_type: MessageRecord["senderType"];
  sender: { id: number; name: string } | null;
  api_key: { id: number; name: string } | null;
  content: string;
  created_at: string;
  read_at: string | null;
  client_message_id: string | null;
  /** The listing the message is about (its card), if any. */
  listing: ListingSummaryJson | null;
  /** Where a lead posted it from ("via Zillow"); null for what was typed here. */
  source: string | null;
  /** Sent by the system for the company (the away message), not by a person. */
  automatic: boolean;
};

export function messageJson(message: MessageRecord): MessageJson {
  return {
    id: message.id,
    chat_id: message.chatId,
    sender_type: message.senderType,
    sender: message.sender,
    api_key: message.apiKey,
    content: message.content,
    created_at: message.createdAt.toISOString(),
    read_at: message.readAt?.toISOString() ?? null,
    client_message_id: message.clientMessageId,
    listing: message.listing ? listingSummaryJson(message.listing) : null,
    source: message.source,
    automatic: message.automatic,
  };
}

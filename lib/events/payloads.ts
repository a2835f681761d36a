// What each stored event says, keyed by its type: the payload the event stream and webhooks
// deliver (snake_case, like the API's shapes). The writers (appendEvent, the send statement)
// take these types, so an event cannot be recorded with the wrong shape; the published frames
// (lib/api/v1-event-schemas.ts) are checked against them when the types are.
import type { Side } from "../chats/scope";
import type { MessageJson } from "../messages/message-json";

/** Both sides' unread counters after the change, so clients update badges without a refetch. */
export type UnreadCounts = { buyer_unread_count: number; company_unread_count: number };

export type EventPayloads = {
  "message.created": { chat_id: number; message: MessageJson } & UnreadCounts;
  "messages.read": { chat_id: number; reader: Side; count: number; read_at: string } & UnreadCounts;
  "chat.created": { chat_id: number };
  "chat.closed": { chat_id: number; is_active: false };
  "chat.reopened": { chat_id: number; is_active: true };
  "lead.created": { chat_id: number; lead: LeadJson };
  "chat.assigned": { chat_id: number; assignee: AssigneeJson | null; reason: AssignReason };
  "note.created": { chat_id: number; note: NoteJson };
};

/** Who answers a chat, as the company side sees them. */
export type AssigneeJson = { id: number; name: string };
/** Why a chat changed hands: by a person, by routing when it arrived, or by the reply clock. */
export type AssignReason = "manual" | "routing" | "reassigned" | "unlinked";

/** A note representatives leave on a chat for each other. */
export type NoteJson = {
  id: number;
  chat_id: number;
  author: { id: number; name: string } | null;
  content: string;
  created_at: string;
};

export type EventType = keyof EventPayloads;

/** A lead as the company sees it: what the portal or form said, and what it posted. */
export type LeadJson = {
  id: number;
  source: string;
  name: string;
  email: string;
  phone: string | null;
  listing_id: number | null;
  message_id: number;
  created_at: string;
};

/**
 * Events only the company side sees: never in a buyer's stream, catch-up or anything else of
 * theirs (lib/chats/scope.ts, seesEvent). A lead's details, who answers and the notes
 * representatives leave each other are the company's, not the buyer's.
 */
export const COMPANY_ONLY_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "lead.created",
  "chat.assigned",
  "note.created",
]);

export const unreadCountsOf = (chat: {
  buyerUnreadCount: number;
  companyUnreadCount: number;
}): UnreadCounts => ({
  buyer_unread_count: chat.buyerUnreadCount,
  company_unread_count: chat.companyUnreadCount,
});

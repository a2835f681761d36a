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
};

export type EventType = keyof EventPayloads;

export const unreadCountsOf = (chat: {
  buyerUnreadCount: number;
  companyUnreadCount: number;
}): UnreadCounts => ({
  buyer_unread_count: chat.buyerUnreadCount,
  company_unread_count: chat.companyUnreadCount,
});

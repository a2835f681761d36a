// How a live event changes a cached page of messages, without asking the server again. Pure, so
// the rules are unit-tested; lib/client/live-events.tsx applies them to the SWR cache.
import type { ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";

export type MessageCreatedEvent = { chat_id: number; message: ApiMessage };
export type MessagesReadEvent = { chat_id: number; reader: "buyer" | "company"; read_at: string };

/** The page with the new message in place (by id, oldest first); unchanged if already there. */
export function withMessage(page: ApiMessagePage, message: ApiMessage): ApiMessagePage {
  if (page.data.some((existing) => existing.id === message.id)) return page;
  const data = [...page.data, message].sort((a, b) => a.id - b.id);
  return { ...page, data };
}

/**
 * The page after the `reader` side read the chat: every message the other side wrote that was
 * still unread now carries the read time (the server marks exactly those rows).
 */
export function withReadReceipt(page: ApiMessagePage, event: MessagesReadEvent): ApiMessagePage {
  const readSenderType = event.reader === "buyer" ? "company" : "user";
  let changed = false;
  const data = page.data.map((message) => {
    if (message.sender_type !== readSenderType || message.read_at !== null) return message;
    changed = true;
    return { ...message, read_at: event.read_at };
  });
  return changed ? { ...page, data } : page;
}

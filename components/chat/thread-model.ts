// Pure helpers for the thread: the loaded history and how polled pages fold into it, merging by
// id, and which own message carries a receipt.
import type { ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";

/** Both lists merged by id, oldest first; where an id is in both, `fresher` wins. */
export function mergeMessages(base: readonly ApiMessage[], fresher: readonly ApiMessage[]): ApiMessage[] {
  const byId = new Map<number, ApiMessage>();
  for (const message of base) byId.set(message.id, message);
  for (const message of fresher) {
    // A message is read once and for good: a copy taken before the read (the answer to a slow
    // send, arriving after the other side's read receipt) must not turn "Seen" back into "Sent".
    const known = byId.get(message.id)?.read_at;
    byId.set(message.id, known && !message.read_at ? { ...message, read_at: known } : message);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * A stable React key: a message sent from this tab keeps the key its optimistic copy had, so the
 * row is updated in place (no remount, no flicker) when the server's copy replaces it.
 */
export const messageKey = (message: Pick<ApiMessage, "id" | "sender_type" | "client_message_id">) =>
  message.client_message_id ? `${message.sender_type}:c:${message.client_message_id}` : `m:${message.id}`;

export const outboxKey = (senderType: ApiMessage["sender_type"], clientId: string) =>
  `${senderType}:c:${clientId}`;

/** The ids of the last own message ("Sent") and of the last own message the other side read ("Seen"). */
export function receiptIds(
  messages: readonly ApiMessage[],
  ownType: ApiMessage["sender_type"],
): { lastOwnId: number | null; lastSeenId: number | null } {
  let lastOwnId: number | null = null;
  let lastSeenId: number | null = null;
  for (const message of messages) {
    if (message.sender_type !== ownType) continue;
    lastOwnId = message.id;
    if (message.read_at) lastSeenId = message.id;
  }
  return { lastOwnId, lastSeenId };
}

export type History = {
  /** Everything loaded so far, oldest first: older pages plus every newest page seen. */
  messages: ApiMessage[];
  /** Messages older than `messages[0]` exist on the server. */
  hasMore: boolean;
  /** Bumped when the history restarts, so an older page asked for before that is dropped. */
  generation: number;
};

export const startHistory = (page: ApiMessagePage | undefined, generation = 0): History => ({
  messages: page?.data ?? [],
  hasMore: page?.has_more ?? false,
  generation,
});

/** A newly polled newest page folded into the history. */
export function absorbPage(history: History, page: ApiMessagePage): History {
  const newestKnown = history.messages.at(-1)?.id;
  const oldestNew = page.data[0]?.id;
  // More than a page arrived since the last poll (a long-hidden tab): messages between what we
  // hold and this page may be missing. Restart from this page; scrolling up fills in the rest.
  if (page.has_more && newestKnown !== undefined && oldestNew !== undefined && oldestNew > newestKnown) {
    return startHistory(page, history.generation + 1);
  }
  return { ...history, messages: mergeMessages(history.messages, page.data) };
}

import "server-only";
import type { TransactionQuery } from "../db/sql";
import { appendEventIn, type ChatRef } from "../events/append-event";
import { recordAssignment, routeNewChat } from "./assign-statements";

/**
 * What follows a chat's creation, in the transaction that inserted it: routing by the company's
 * policy, then chat.created and, when routing chose someone, chat.assigned. Routing comes first:
 * it waits for the company's settings lock, which must never be awaited while holding the event
 * counter (lib/routing/assign-statements.ts).
 */
export async function settleNewChat(query: TransactionQuery, chat: ChatRef): Promise<void> {
  const assigneeId = await routeNewChat(query, chat);
  await appendEventIn(query, { type: "chat.created", chat, payload: { chat_id: chat.id } });
  if (assigneeId !== null) await recordAssignment(query, chat, { assigneeId, reason: "routing" });
}

import type { Actor } from "../auth/actor";
import { companyChatTotalsWithAssignment } from "./company-chat-totals";

/** Chats per status, and how many of them have messages the company side has not read. */
export type CompanyChatCounts = {
  open: { total: number; unread: number };
  closed: { total: number; unread: number };
  /** Open chats the actor answers. */
  mine: number;
  /** Open chats nobody answers yet (the queue). */
  unassigned: number;
};

/**
 * The console's filter counts: chats of the companies the actor represents (all for an admin),
 * optionally of one company, grouped by open/closed, from the per-company counters; and the open
 * chats of the "Mine" and "Unassigned" tabs.
 */
export async function countCompanyChatsByStatus(
  actor: Actor,
  filters: { companyId?: number } = {},
): Promise<CompanyChatCounts> {
  const totals = await companyChatTotalsWithAssignment(actor, filters.companyId);
  return {
    open: { total: totals.openChats, unread: totals.openUnreadChats },
    closed: { total: totals.closedChats, unread: totals.closedUnreadChats },
    mine: totals.openMine,
    unassigned: totals.openUnassigned,
  };
}

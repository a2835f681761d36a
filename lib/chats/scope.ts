// Which chats an actor may touch, as a Prisma `where`. Every chat and message query goes
// through one of these, so a handler cannot forget the check: another tenant's chat simply
// is not found (404), never forbidden.
import { type Actor, isCompanyKey } from "../auth/actor";
import type { Prisma } from "../db/client";
import type { SenderType } from "../generated/prisma/enums";

/** The buyer side: a user's own chats with companies. */
export type Side = "buyer" | "company";

export function buyerChatScope(actor: Actor): Prisma.ChatWhereInput {
  // A company key is never a buyer; its userId already matches no one, and this says so twice.
  if (isCompanyKey(actor)) return { id: { in: [] } };
  return { buyerId: actor.userId };
}

/** The company side: chats of every company the actor represents; admins see every company. */
export function companyChatScope(actor: Actor): Prisma.ChatWhereInput {
  return actor.isAdmin ? {} : { companyId: { in: actor.companyIds } };
}

export function chatScope(actor: Actor, side: Side): Prisma.ChatWhereInput {
  return side === "buyer" ? buyerChatScope(actor) : companyChatScope(actor);
}

/** Messages written by the other side are the ones a side reads. */
export const incomingSenderType = (side: Side): SenderType => (side === "buyer" ? "company" : "user");
export const outgoingSenderType = (side: Side): SenderType => (side === "buyer" ? "user" : "company");

/** The counter of messages this side has not read yet. */
export const unreadCounterOf = (side: Side): "buyerUnreadCount" | "companyUnreadCount" =>
  side === "buyer" ? "buyerUnreadCount" : "companyUnreadCount";

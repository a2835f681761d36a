// Which chats an actor may touch, as a Prisma `where`. Every chat and message query goes
// through one of these, so a handler cannot forget the check: another tenant's chat simply
// is not found (404), never forbidden.
import { type Actor, isCompanyKey } from "../auth/actor";
import { Prisma } from "../db/client";
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

/**
 * The same scope as SQL over `chats`, for the few statements written by hand (a send is one
 * statement). Kept beside chatScope so the two cannot drift apart unnoticed; the authorization
 * tests send as every kind of caller.
 */
export function chatScopeSql(actor: Actor, side: Side): Prisma.Sql {
  if (side === "buyer")
    return isCompanyKey(actor) ? Prisma.sql`false` : Prisma.sql`chats.buyer_id = ${actor.userId}`;
  return representedCompaniesSql(actor, Prisma.raw("chats.company_id"));
}

/** The companies an actor answers for (every company for an admin), as a condition on `column`. */
export function representedCompaniesSql(actor: Actor, column: Prisma.Sql): Prisma.Sql {
  if (actor.isAdmin) return Prisma.sql`true`;
  const [only, ...more] = actor.companyIds;
  if (only === undefined) return Prisma.sql`false`;
  // One company (the usual representative) as a plain equality: the planner then walks the
  // (company_id, updated_at, id) index in order instead of sorting the company's chats.
  // Several as one array parameter: one statement text whatever their number (lib/db/sql.ts
  // prepares each text once per connection).
  if (more.length === 0) return Prisma.sql`${column} = ${only}`;
  return Prisma.sql`${column} = ANY (${actor.companyIds}::int[])`;
}

/** Messages written by the other side are the ones a side reads. */
export const incomingSenderType = (side: Side): SenderType => (side === "buyer" ? "company" : "user");
export const outgoingSenderType = (side: Side): SenderType => (side === "buyer" ? "user" : "company");

/** The counter of messages this side has not read yet. */
export const unreadCounterOf = (side: Side): "buyerUnreadCount" | "companyUnreadCount" =>
  side === "buyer" ? "buyerUnreadCount" : "companyUnreadCount";

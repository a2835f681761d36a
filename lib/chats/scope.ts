// Who may see which chat: the one rule, and the three forms it is applied in.
//
//   buyer side    a person's own chats (buyer_id = their user id); a company key has none
//   company side  every chat of each company the actor represents; admins see every company
//   events        of a chat the actor sees from either side, except that a company-only event
//                 (a lead's details, an assignment, a note) is never the buyer side's
//
// `accessOf` states the rule once, as data (an Access). Everything else here only translates an
// Access: into a Prisma `where` (chat and event queries), into SQL (the hand-written hot
// statements of lib/db/sql.ts) and into a predicate (the live fan-out filters events in memory).
// Every chat, message and event query goes through one of them, so a handler cannot forget the
// check: another tenant's chat simply is not found (404), never forbidden.
// tests/lib/chat-access.test.ts generates actors and chats and proves the forms agree.
import "server-only";
import { type Actor, isCompanyKey } from "../auth/actor";
import { Prisma } from "../db/client";
import type { SenderType } from "../generated/prisma/enums";

export type Side = "buyer" | "company";

/** What one side of an actor may see. */
export type Access =
  | { kind: "nothing" }
  | { kind: "every_company" }
  | { kind: "companies"; companyIds: number[] }
  | { kind: "own_chats"; buyerId: number };

/** The rule. */
export function accessOf(actor: Actor, side: Side): Access {
  if (side === "buyer") {
    // A company key is never a buyer (its userId matches no user either; this says so twice).
    return isCompanyKey(actor) ? { kind: "nothing" } : { kind: "own_chats", buyerId: actor.userId };
  }
  if (actor.isAdmin) return { kind: "every_company" };
  return actor.companyIds.length ? { kind: "companies", companyIds: actor.companyIds } : { kind: "nothing" };
}

/** The (buyer, company) pair that decides who sees a chat and everything in it. */
export type ChatParties = { buyerId: number; companyId: number };

// ---- the predicate: events in memory -------------------------------------------------------

export function accessAllows(access: Access, chat: ChatParties): boolean {
  switch (access.kind) {
    case "nothing":
      return false;
    case "every_company":
      return true;
    case "companies":
      return access.companyIds.includes(chat.companyId);
    case "own_chats":
      return chat.buyerId === access.buyerId;
  }
}

export const seesSide = (actor: Actor, side: Side, chat: ChatParties) =>
  accessAllows(accessOf(actor, side), chat);

/** Either side. */
export const seesChat = (actor: Actor, chat: ChatParties) =>
  seesSide(actor, "buyer", chat) || seesSide(actor, "company", chat);

/** A stored event: its chat's parties, and whether only the company side may see it. */
export type EventAudience = ChatParties & { companyOnly: boolean };

/** What an actor's event stream carries. */
export const seesEvent = (actor: Actor, event: EventAudience) =>
  seesSide(actor, "company", event) || (!event.companyOnly && seesSide(actor, "buyer", event));

// ---- Prisma: over any model with buyerId and companyId (chats, events) ----------------------

type PartiesWhere = {
  buyerId?: number | { in: number[] };
  companyId?: { in: number[] };
};

function accessWhere(access: Access): PartiesWhere {
  switch (access.kind) {
    case "nothing":
      return { buyerId: { in: [] } };
    case "every_company":
      return {};
    case "companies":
      return { companyId: { in: access.companyIds } };
    case "own_chats":
      return { buyerId: access.buyerId };
  }
}

export const chatScope = (actor: Actor, side: Side): Prisma.ChatWhereInput =>
  accessWhere(accessOf(actor, side));

/**
 * The company side of the rule over anything else a company owns (listings, leads, keys, webhook
 * endpoints): what the actor may see of it is what they may see of its chats.
 */
export function companyScope(actor: Actor): { companyId?: { in: number[] } } {
  const access = accessOf(actor, "company");
  if (access.kind === "every_company") return {};
  return { companyId: { in: access.kind === "companies" ? access.companyIds : [] } };
}

/** Whether the actor answers for this company (an admin for every one). */
export const representsCompany = (actor: Actor, companyId: number) =>
  seesSide(actor, "company", { buyerId: 0, companyId });

/** The events an actor's stream carries (seesEvent as a `where`). */
export function eventScope(actor: Actor): Prisma.EventWhereInput {
  const company = accessOf(actor, "company");
  // Not `OR: [{}, …]`: Prisma reads an empty object inside OR as matching nothing, which once
  // left an admin's stream catching up on nothing but their own chats as a buyer.
  if (company.kind === "every_company") return {};
  const buyerSide: Prisma.EventWhereInput = { ...accessWhere(accessOf(actor, "buyer")), companyOnly: false };
  return { OR: [buyerSide, accessWhere(company)] };
}

// ---- SQL: the hand-written statements -------------------------------------------------------

/** The columns holding a row's parties, e.g. `chats.buyer_id` and `chats.company_id`. */
export type PartyColumns = { buyerId?: Prisma.Sql; companyId: Prisma.Sql };

function accessSql(access: Access, columns: PartyColumns): Prisma.Sql {
  switch (access.kind) {
    case "nothing":
      return Prisma.sql`false`;
    case "every_company":
      return Prisma.sql`true`;
    case "companies": {
      const [only, ...more] = access.companyIds;
      // One company (the usual representative) as a plain equality: the planner then walks the
      // (company_id, updated_at, id) index in order instead of sorting the company's chats.
      // Several as one array parameter: one statement text whatever their number (lib/db/sql.ts
      // prepares each text once per connection).
      if (more.length === 0) return Prisma.sql`${columns.companyId} = ${only}`;
      return Prisma.sql`${columns.companyId} = ANY (${access.companyIds}::int[])`;
    }
    case "own_chats":
      if (!columns.buyerId) throw new Error("a buyer's access needs a buyer column");
      return Prisma.sql`${columns.buyerId} = ${access.buyerId}`;
  }
}

const chatColumns = { buyerId: Prisma.raw("chats.buyer_id"), companyId: Prisma.raw("chats.company_id") };

/** The scope as SQL over `chats`. */
export const chatScopeSql = (actor: Actor, side: Side): Prisma.Sql =>
  accessSql(accessOf(actor, side), chatColumns);

/** The companies an actor answers for (every company for an admin), as a condition on `column`. */
export const representedCompaniesSql = (actor: Actor, column: Prisma.Sql): Prisma.Sql =>
  accessSql(accessOf(actor, "company"), { companyId: column });

// ---- sides ------------------------------------------------------------------------------------

/** Messages written by the other side are the ones a side reads. */
export const incomingSenderType = (side: Side): SenderType => (side === "buyer" ? "company" : "user");
export const outgoingSenderType = (side: Side): SenderType => (side === "buyer" ? "user" : "company");

/** The counter of messages this side has not read yet. */
export const unreadCounterOf = (side: Side): "buyerUnreadCount" | "companyUnreadCount" =>
  side === "buyer" ? "buyerUnreadCount" : "companyUnreadCount";

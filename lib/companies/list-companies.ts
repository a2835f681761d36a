import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db, type Prisma } from "../db/client";
import { type ListingSummaryRecord, listingSummarySelect } from "../listings/listing-record";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";

export type CompanyForBuyer = {
  id: number;
  name: string;
  description: string;
  /** The caller's chat with this company, if any, and its unread count for the caller. */
  chat: { id: number; unreadCount: number; isActive: boolean } | null;
  /** Its newest active listings, at most DIRECTORY_LISTINGS: what a buyer may ask about. */
  listings: ListingSummaryRecord[];
};

/** Listings a directory entry shows: a taste of what the company offers, not its catalogue. */
export const DIRECTORY_LISTINGS = 3;

// A name as stored, which may predate today's text rules: only NUL, which no query can carry, is refused.
const CompanyCursorSchema = z.tuple([
  z.string().refine((name) => !name.includes("\0")),
  z.number().int().max(MAX_DB_ID),
]);

function companyRowsQuery(actor: Actor, where: Prisma.CompanyWhereInput, take: number) {
  return db().company.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      name: true,
      description: true,
      // At most one row: (buyer, company) is unique. Loaded in the same round trip.
      chats: {
        where: { buyerId: actor.userId },
        select: { id: true, buyerUnreadCount: true, isActive: true },
        take: 1,
      },
      // Joined into the same statement (relationJoins), an index probe per company.
      listings: {
        where: { status: "active" },
        orderBy: { id: "desc" },
        take: DIRECTORY_LISTINGS,
        select: listingSummarySelect,
      },
    },
  });
}

type CompanyRow = Awaited<ReturnType<typeof companyRowsQuery>>[number];

const toCompanyForBuyer = ({ chats, ...company }: CompanyRow): CompanyForBuyer => {
  const chat = chats[0];
  return {
    ...company,
    chat: chat ? { id: chat.id, unreadCount: chat.buyerUnreadCount, isActive: chat.isActive } : null,
  };
};

const searchWhere = (q?: string): Prisma.CompanyWhereInput =>
  q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          { description: { contains: q, mode: "insensitive" } },
        ],
      }
    : {};

/** The directory a buyer browses, by name, with their own chat and unread count per company. */
export async function listCompaniesForBuyer(
  actor: Actor,
  query: { q?: string; limit: number; cursor?: string },
): Promise<Page<CompanyForBuyer>> {
  let after: Prisma.CompanyWhereInput = {};
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, CompanyCursorSchema);
    after = { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] };
  }
  const rows = await companyRowsQuery(actor, { AND: [searchWhere(query.q), after] }, query.limit + 1);
  const page = pageFrom(rows, query.limit, (last) => encodeCursor([last.name, last.id]));
  return { items: page.items.map(toCompanyForBuyer), nextCursor: page.nextCursor };
}

/** The original's bare directory array. Bounded: a directory bigger than this needs the v1 API. */
export const MAX_DIRECTORY_ROWS = 1000;
export async function listAllCompaniesForBuyer(actor: Actor): Promise<CompanyForBuyer[]> {
  return (await companyRowsQuery(actor, {}, MAX_DIRECTORY_ROWS)).map(toCompanyForBuyer);
}

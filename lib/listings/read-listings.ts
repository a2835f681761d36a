import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { chatScope, companyScope, type Side } from "../chats/scope";
import { companyForActor } from "../companies/company-for-actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { decodeCursor, encodeCursor, type Page, pageFrom } from "../pagination";
import { MAX_DB_ID } from "../validation";
import { type ListingRecord, listingSelect } from "./listing-record";

const ListingCursorSchema = z.tuple([z.number().int().positive().max(MAX_DB_ID)]);

/** Listings of the companies the actor answers for (one, with companyId), newest first. */
export async function listCompanyListings(
  actor: Actor,
  query: { companyId?: number; status?: ListingRecord["status"]; limit: number; cursor?: string },
): Promise<Page<ListingRecord>> {
  const before = query.cursor ? decodeCursor(query.cursor, ListingCursorSchema)[0] : undefined;
  const rows = await db().listing.findMany({
    where: {
      ...companyScope(actor),
      ...(query.companyId !== undefined ? { companyId: companyForActor(actor, query.companyId) } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(before !== undefined ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: listingSelect,
  });
  return pageFrom(rows, query.limit, (last) => encodeCursor([last.id]));
}

/** One listing of a company the actor answers for, by its external id; another company's is 404. */
export async function getCompanyListing(
  actor: Actor,
  input: { companyId?: number; externalId: string },
): Promise<ListingRecord> {
  const companyId = companyForActor(actor, input.companyId);
  const listing = await db().listing.findUnique({
    where: { companyId_externalId: { companyId, externalId: input.externalId } },
    select: listingSelect,
  });
  if (!listing) throw notFound("Listing");
  return listing;
}

/**
 * A listing as a buyer reads it: the marketplace's homes are public to anyone signed in, sold
 * and withdrawn ones included (a chat about one still links to it).
 */
export async function getListingForBuyer(listingId: number): Promise<ListingRecord> {
  const listing = await db().listing.findUnique({ where: { id: listingId }, select: listingSelect });
  if (!listing) throw notFound("Listing");
  return listing;
}

/** The listings a chat is about, the most recently asked first (the console's context panel). */
export async function listListingsOfChat(actor: Actor, side: Side, chatId: number): Promise<ListingRecord[]> {
  const chat = await db().chat.findFirst({
    where: { id: chatId, ...chatScope(actor, side) },
    select: { id: true },
  });
  if (!chat) throw notFound("Chat");
  const asked = await db().message.groupBy({
    by: ["listingId"],
    where: { chatId, listingId: { not: null } },
    _max: { id: true },
    orderBy: { _max: { id: "desc" } },
    take: 50,
  });
  const ids = asked.flatMap((row) => (row.listingId === null ? [] : [row.listingId]));
  const listings = await db().listing.findMany({ where: { id: { in: ids } }, select: listingSelect });
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

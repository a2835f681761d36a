import "server-only";
import type { Actor } from "../auth/actor";
import { companyForActor } from "../companies/company-for-actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { type ListingRecord, listingSelect } from "./listing-record";

/**
 * DELETE of a listing: it is withdrawn, not removed. Chats that mention it keep showing it,
 * marked as withdrawn.
 */
export async function withdrawListing(
  actor: Actor,
  input: { companyId?: number; externalId: string },
): Promise<ListingRecord> {
  const companyId = companyForActor(actor, input.companyId);
  const where = { companyId_externalId: { companyId, externalId: input.externalId } };
  await db().listing.updateMany({
    where: { companyId, externalId: input.externalId, status: { not: "withdrawn" } },
    data: { status: "withdrawn" },
  });
  const listing = await db().listing.findUnique({ where, select: listingSelect });
  if (!listing) throw notFound("Listing");
  return listing;
}

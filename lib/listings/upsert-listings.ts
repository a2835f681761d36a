import "server-only";
import type { Actor } from "../auth/actor";
import { companyForActor } from "../companies/company-for-actor";
import { db, Prisma } from "../db/client";
import { bool, int, text } from "../db/columns";
import { queryRows } from "../db/sql";
import { type ListingRecord, listingSelect } from "./listing-record";
import type { ListingInput } from "./schemas";

export type ListingWrite = ListingInput & { external_id: string };

/**
 * Creates or updates one listing of a company the actor answers for, by its external id.
 * `created` tells a new listing from an update (PUT answers 201 or 200).
 */
export async function upsertListing(
  actor: Actor,
  input: { companyId?: number; listing: ListingWrite },
): Promise<{ listing: ListingRecord; created: boolean }> {
  const companyId = companyForActor(actor, input.companyId);
  const [row] = await upsertRows(companyId, [input.listing]);
  const listing = await db().listing.findUniqueOrThrow({
    where: { companyId_externalId: { companyId, externalId: input.listing.external_id } },
    select: listingSelect,
  });
  return { listing, created: row?.created ?? false };
}

/**
 * A nightly sync: up to 500 listings in one statement. A listing sent unchanged is left as it
 * is (its updated_at keeps meaning "last changed").
 */
export async function upsertListings(
  actor: Actor,
  input: { companyId?: number; listings: ListingWrite[] },
): Promise<{ created: number; updated: number; unchanged: number }> {
  const companyId = companyForActor(actor, input.companyId);
  const rows = await upsertRows(companyId, input.listings);
  const created = rows.filter((row) => row.created).length;
  return { created, updated: rows.length - created, unchanged: input.listings.length - rows.length };
}

const upsertedColumns = { external_id: text, created: bool, id: int };

/** One INSERT … ON CONFLICT for all of them; returns the rows it created or changed. */
function upsertRows(companyId: number, listings: ListingWrite[]) {
  const values = listings.map(
    (listing) => Prisma.sql`(
      ${companyId}::int, ${listing.external_id}::text, ${listing.title}::text, ${listing.address}::text,
      ${listing.url}::text, ${listing.image_url}::text,
      ${listing.price === null ? null : String(listing.price.amount)}::numeric,
      ${listing.price?.currency ?? null}::char(3), ${listing.status}::listing_status,
      ${JSON.stringify(listing.attributes)}::jsonb)`,
  );
  // xmax = 0 marks a row this statement inserted rather than updated (PostgreSQL's own tell).
  return queryRows(
    upsertedColumns,
    Prisma.sql`
    INSERT INTO listings AS listing
      (company_id, external_id, title, address, url, image_url, price_amount, price_currency, status, attributes)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (company_id, external_id) DO UPDATE SET
      title = EXCLUDED.title, address = EXCLUDED.address, url = EXCLUDED.url,
      image_url = EXCLUDED.image_url, price_amount = EXCLUDED.price_amount,
      price_currency = EXCLUDED.price_currency, status = EXCLUDED.status,
      attributes = EXCLUDED.attributes, updated_at = now()
    WHERE (listing.title, listing.address, listing.url, listing.image_url, listing.price_amount,
           listing.price_currency, listing.status, listing.attributes)
      IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.address, EXCLUDED.url, EXCLUDED.image_url,
           EXCLUDED.price_amount, EXCLUDED.price_currency, EXCLUDED.status, EXCLUDED.attributes)
    RETURNING listing.external_id, (listing.xmax = 0) AS created, listing.id`,
  );
}

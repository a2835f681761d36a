// Server only (imported by app/listings/[id]): the listing a buyer opens, read through lib/ with
// the page's actor, in the API's JSON shape.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { toListing } from "@/lib/api/listing-serialize";
import { ListingSchema } from "@/lib/api/v1-schemas";
import type { ApiListing } from "@/lib/api/v1-types";
import { AppError } from "@/lib/errors";
import { getPageActor } from "@/lib/http/page-actor";
import { parseId } from "@/lib/http/params";
import { getListingForBuyer } from "@/lib/listings/read-listings";

type ListingLookup = { kind: "ok"; listing: ApiListing } | { kind: "signed_out" } | { kind: "not_found" };

/**
 * One lookup per request, shared by the page and its metadata (React `cache`). The sign-in
 * check comes first: a signed-out visitor learns nothing, not even whether the listing exists.
 */
export const lookUpListing = cache(async (rawId: string): Promise<ListingLookup> => {
  if (!(await getPageActor())) return { kind: "signed_out" };
  try {
    const listing = await getListingForBuyer(parseId(rawId, "Listing"));
    return { kind: "ok", listing: ListingSchema.parse(toListing(listing)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { kind: "not_found" };
    throw error;
  }
});

/** The listing, or the sign-in redirect, or the 404 page (an unknown or malformed id). */
export async function requireListing(rawId: string): Promise<ApiListing> {
  const found = await lookUpListing(rawId);
  if (found.kind === "signed_out") redirect(`/login?callbackUrl=${encodeURIComponent(`/listings/${rawId}`)}`);
  if (found.kind === "not_found") notFound();
  return found.listing;
}

// A listing as it leaves the server (snake_case, price as {amount, currency}). Messages and
// events carry the summary; the listing routes answer with the whole listing.
import type { ListingRecord, ListingSummaryRecord } from "./listing-record";

export type ListingStatus = ListingSummaryRecord["status"];

export type ListingSummaryJson = {
  id: number;
  external_id: string;
  title: string;
  address: string;
  url: string | null;
  image_url: string | null;
  price: { amount: number; currency: string } | null;
  status: ListingStatus;
};

export type ListingJson = ListingSummaryJson & {
  company: { id: number; name: string };
  attributes: Record<string, string | number | boolean>;
  created_at: string;
  updated_at: string;
};

export function listingSummaryJson(listing: ListingSummaryRecord): ListingSummaryJson {
  return {
    id: listing.id,
    external_id: listing.externalId,
    title: listing.title,
    address: listing.address,
    url: listing.url,
    image_url: listing.imageUrl,
    price:
      listing.priceAmount === null || listing.priceCurrency === null
        ? null
        : { amount: Number(listing.priceAmount), currency: listing.priceCurrency },
    status: listing.status,
  };
}

export function listingJson(listing: ListingRecord): ListingJson {
  return {
    ...listingSummaryJson(listing),
    company: listing.company,
    // Written only through ListingInput's schema: a flat object of strings, numbers and booleans.
    attributes: listing.attributes as ListingJson["attributes"],
    created_at: listing.createdAt.toISOString(),
    updated_at: listing.updatedAt.toISOString(),
  };
}

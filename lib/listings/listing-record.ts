// A listing as lib/ hands it on: the summary a message card shows, and the whole listing.
import type { Prisma } from "../db/client";

/** What a message about a listing carries: enough for its card, on both sides. */
export const listingSummarySelect = {
  id: true,
  externalId: true,
  title: true,
  address: true,
  url: true,
  imageUrl: true,
  priceAmount: true,
  priceCurrency: true,
  status: true,
} satisfies Prisma.ListingSelect;

export const listingSelect = {
  ...listingSummarySelect,
  attributes: true,
  createdAt: true,
  updatedAt: true,
  company: { select: { id: true, name: true } },
} satisfies Prisma.ListingSelect;

export type ListingSummaryRecord = Prisma.ListingGetPayload<{ select: typeof listingSummarySelect }>;
export type ListingRecord = Prisma.ListingGetPayload<{ select: typeof listingSelect }>;

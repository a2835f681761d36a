// Listings and leads → versioned API shapes, typed by the schemas they must fit.
import type { z } from "zod";
import { listingJson } from "../listings/listing-json";
import type { ListingRecord } from "../listings/listing-record";
import type { ListingSchema } from "./v1-schemas";

export const toListing: (listing: ListingRecord) => z.input<typeof ListingSchema> = listingJson;

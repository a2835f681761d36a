// What clients may send about listings. Bounds keep a listing a card, not a document: the
// marketplace keeps the full description; we keep what a conversation needs to show.
import { z } from "zod";
import { DbIdQuerySchema, isStorableText, STORABLE_TEXT_MESSAGE, TextSchema } from "../validation";

export const MAX_BULK_LISTINGS = 500;
/** A bulk sync's body cap: 8 KiB a listing is room for every field at its bound (a card-sized
 *  listing is well under 1 KiB), where the default 64 KiB cap would stop a sync at ~100. */
export const MAX_BULK_BODY_BYTES = MAX_BULK_LISTINGS * 8 * 1024;
const MAX_ATTRIBUTES = 20;

/** The company's or marketplace's own id: printable, no control characters, at most 200. */
export const ExternalIdSchema = z
  .string()
  .min(1, "external_id may not be empty.")
  .max(200, "external_id is at most 200 characters.")
  .refine((value) => value.trim() === value, "external_id may not start or end with spaces.")
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

const WebUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: "Must be an http or https URL.",
  });

const PriceInputSchema = z
  .object({
    amount: z
      .number({ error: "amount must be a number." })
      .nonnegative()
      .max(999_999_999_999.99)
      .refine((value) => Math.round(value * 100) === value * 100, "At most two decimals."),
    currency: z
      .string({ error: "A price needs its currency." })
      .regex(/^[A-Z]{3}$/, "An ISO 4217 code in capitals, such as EUR."),
  })
  .strict();

const AttributeKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "snake_case keys, such as floor_area");
const AttributeValue = z.union([
  z.string().max(200).refine(isStorableText, STORABLE_TEXT_MESSAGE),
  z.number(),
  z.boolean(),
]);

export const ListingInputSchema = z
  .object({
    title: TextSchema.pipe(z.string().trim().min(1, "Give the listing a title.").max(200)),
    address: TextSchema.pipe(z.string().trim().max(300)).default(""),
    url: WebUrlSchema.nullable().default(null),
    image_url: WebUrlSchema.nullable().default(null),
    price: PriceInputSchema.nullable().default(null),
    status: z.enum(["active", "under_offer", "sold", "withdrawn"]).default("active"),
    attributes: z
      .record(AttributeKey, AttributeValue)
      .refine((value) => Object.keys(value).length <= MAX_ATTRIBUTES, `At most ${MAX_ATTRIBUTES} attributes.`)
      .default({}),
  })
  .strict();
export type ListingInput = z.infer<typeof ListingInputSchema>;

export const BulkListingsSchema = z
  .object({
    listings: z
      .array(ListingInputSchema.safeExtend({ external_id: ExternalIdSchema }))
      .min(1, "Send at least one listing.")
      .max(MAX_BULK_LISTINGS, `At most ${MAX_BULK_LISTINGS} listings at once.`)
      .refine(
        (listings) => new Set(listings.map((listing) => listing.external_id)).size === listings.length,
        "Each external_id at most once.",
      ),
  })
  .strict();

export const CompanyQuerySchema = z.object({ company_id: DbIdQuerySchema.optional() });

export const ListingListQuerySchema = CompanyQuerySchema.extend({
  status: z.enum(["active", "under_offer", "sold", "withdrawn"]).optional(),
});

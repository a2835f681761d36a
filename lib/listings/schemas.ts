// What clients may send about listings. Bounds keep a listing a card, not a document: the
// marketplace keeps the full description; we keep what a conversation needs to show.
import { z } from "zod";
import { CursorQuery } from "../pagination";
import { DbIdQuerySchema, isStorableText, STORABLE_TEXT_MESSAGE, TextSchema } from "../validation";

export const LISTING_STATUSES = ["active", "under_offer", "sold", "withdrawn"] as const;
export const MAX_BULK_LISTINGS = 500;
/**
 * The bulk form's body cap. 500 listings with their links and a few attributes weigh a few
 * hundred KiB, far past the 64 KiB every other body gets; the largest a schema lets through
 * (every field at its bound) would be several MiB, which no sync sends.
 */
export const MAX_BULK_BODY_BYTES = 2 * 1024 * 1024;
const MAX_ATTRIBUTES = 20;

// Tab and line breaks, which stored text may hold, are control characters too: an id is one line.
const CONTROL_CHARACTER = /\p{Cc}/u;

/** The company's or marketplace's own id: printable, no control characters, at most 200. */
export const ExternalIdSchema = z
  .string()
  .min(1, "external_id may not be empty.")
  .max(200, "external_id is at most 200 characters.")
  .refine((value) => value.trim() === value, "external_id may not start or end with spaces.")
  .refine((value) => !CONTROL_CHARACTER.test(value), "external_id may not hold control characters.")
  .refine(isStorableText, STORABLE_TEXT_MESSAGE)
  .meta({ examples: ["FLAT-2041"] });

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
      // Compared as text: 1.15 * 100 is 114.99999999999999 in floating point, yet 1.15 has two decimals.
      .refine((value) => Number(value.toFixed(2)) === value, "At most two decimals."),
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
    title: TextSchema.pipe(z.string().trim().min(1, "Give the listing a title.").max(200)).meta({
      examples: ["Two-bedroom flat by the harbour"],
    }),
    address: TextSchema.pipe(z.string().trim().max(300))
      .default("")
      .meta({ examples: ["12 Harbour Street, Porto"] }),
    url: WebUrlSchema.nullable()
      .default(null)
      .meta({ description: "The listing's own page", examples: ["https://homes.example/flats/2041"] }),
    image_url: WebUrlSchema.nullable()
      .default(null)
      .meta({
        description: "A photo, linked (never fetched by the server)",
        examples: ["https://homes.example/photos/2041.jpg"],
      }),
    price: PriceInputSchema.nullable()
      .default(null)
      .meta({
        description: "Null: price on request. Never an amount without its currency",
        examples: [{ amount: 349000, currency: "EUR" }],
      }),
    status: z.enum(LISTING_STATUSES).default("active"),
    attributes: z
      .record(AttributeKey, AttributeValue)
      .refine((value) => Object.keys(value).length <= MAX_ATTRIBUTES, `At most ${MAX_ATTRIBUTES} attributes.`)
      .default({})
      .meta({
        description: `Up to ${MAX_ATTRIBUTES} small facts for the card: snake_case keys, string, number or boolean values`,
        examples: [{ bedrooms: 2, floor_area: 74, balcony: true }],
      }),
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
  status: z.enum(LISTING_STATUSES).optional(),
});

/** GET /api/v1/company/listings: the filters and a cursor page. */
export const ListingPageQuerySchema = ListingListQuerySchema.extend(CursorQuery.shape);

/** The `{external_id}` of /api/v1/company/listings/{external_id}. */
export const ListingPathSchema = z.object({ external_id: ExternalIdSchema });

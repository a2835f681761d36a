// How a listing's facts read on a card: its price, its status and its attributes. Pure, so the
// server page and the client components render the same text (no hydration mismatch), and so the
// rules are unit-tested (listing-format.test.ts).
import type { ApiListing, ApiListingSummary } from "@/lib/api/v1-types";

// One locale for every viewer, like the app's other numbers: the server renders these too, and
// it does not know the viewer's locale.
const LOCALE = "en-US";

/** "€250,000", "$1,250.50", or "Price on request" when the company gave no price. */
export function formatPrice(price: ApiListingSummary["price"]): string {
  if (!price) return "Price on request";
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency: price.currency,
    // Homes are priced in whole units: "€250,000", not "€250,000.00"; cents still show.
    trailingZeroDisplay: "stripIfInteger",
  }).format(price.amount);
}

export type ListingStatus = ApiListingSummary["status"];

export const STATUS_LABEL: Record<ListingStatus, string> = {
  active: "Available",
  under_offer: "Under offer",
  sold: "Sold",
  withdrawn: "Withdrawn",
};

/** Sold and withdrawn listings still show (a chat may be about one), dimmed and marked. */
export const isOffMarket = (status: ListingStatus) => status === "sold" || status === "withdrawn";

// The facts buyers compare first; the rest follow by name. (Stored as JSON, the attributes come
// back in the database's own key order, which means nothing to a reader.)
const FIRST_FACTS = ["bedrooms", "bathrooms", "rooms"];
const factRank = (key: string) => {
  const rank = FIRST_FACTS.indexOf(key);
  return rank === -1 ? FIRST_FACTS.length : rank;
};

/** The attributes as [key, value] pairs in reading order. */
type Attributes = ApiListing["attributes"];

export function orderedAttributes(attributes: Attributes): [string, Attributes[string]][] {
  return Object.entries(attributes).sort(
    ([a], [b]) => factRank(a) - factRank(b) || a.localeCompare(b, LOCALE),
  );
}

/** "floor_area" → "Floor area". */
export function attributeLabel(key: string): string {
  const words = key.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatAttributeValue(value: Attributes[string]): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return new Intl.NumberFormat(LOCALE).format(value);
  return value;
}

/**
 * The URL if it is a web address, else null. Listings are checked on the way in (http and https
 * only); this keeps a `javascript:` link or image off the page even if a row ever bypassed that.
 */
export function webUrlOrNull(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  return /^https?:$/.test(new URL(url).protocol) ? url : null;
}

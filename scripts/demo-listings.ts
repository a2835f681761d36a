// The demo companies' listings: a few each, in every status (a sold one among them), so a first
// `npm start` shows cards, prices, "Price on request" and the sold and withdrawn markings.
// Photos are left out: the demo must look the same on a machine without internet access.
import type { Actor } from "../lib/auth/actor";
import type { ListingRecord } from "../lib/listings/listing-record";
import { ListingInputSchema } from "../lib/listings/schemas";
import { upsertListing } from "../lib/listings/upsert-listings";

type DemoListing = { externalId: string; site: string } & Record<string, unknown>;

const usd = (amount: number) => ({ amount, currency: "USD" });

const SUMMIT: DemoListing[] = [
  {
    externalId: "SR-1042",
    site: "summit-realty.example",
    title: "Three-bedroom house on Maple Street",
    address: "18 Maple Street, Northgate",
    price: usd(489_000),
    attributes: { bedrooms: 3, bathrooms: 2, area_sqft: 1_850, garage: true },
  },
  {
    externalId: "SR-1057",
    site: "summit-realty.example",
    title: "Townhouse at Ridge Park",
    address: "4 Ridge Park Lane, Northgate",
    price: usd(365_000),
    status: "under_offer",
    attributes: { bedrooms: 2, bathrooms: 2, area_sqft: 1_240 },
  },
  {
    externalId: "SR-0988",
    site: "summit-realty.example",
    title: "Four-bedroom family home, Oak Hollow",
    address: "77 Oak Hollow Drive, Fairview",
    price: usd(612_500),
    status: "sold",
    attributes: { bedrooms: 4, bathrooms: 3, area_sqft: 2_600 },
  },
];

const HARBOR: DemoListing[] = [
  {
    externalId: "HH-P9-204",
    site: "harbor-homes.example",
    title: "Pier 9 two-bedroom apartment",
    address: "Pier 9, Unit 204, Bay Front",
    price: usd(725_000),
    attributes: { bedrooms: 2, bathrooms: 1, area_sqft: 980, pets_allowed: true, floor: 2 },
  },
  {
    externalId: "HH-BV-12",
    site: "harbor-homes.example",
    title: "Bayview studio condominium",
    address: "12 Bayview Terrace",
    attributes: { bedrooms: 0, bathrooms: 1, area_sqft: 520 },
  },
  {
    externalId: "HH-HP-PH",
    site: "harbor-homes.example",
    title: "Penthouse at Harbor Point",
    address: "1 Harbor Point, Penthouse",
    price: usd(2_150_000),
    status: "withdrawn",
    attributes: { bedrooms: 3, bathrooms: 3, area_sqft: 2_400, view: "bay and bridge" },
  },
];

const PRAIRIE: DemoListing[] = [
  {
    externalId: "PP-ELK-3",
    site: "prairie-pine.example",
    title: "Log cabin near Elk Lake",
    address: "3 Shoreline Trail, Elk Lake",
    price: usd(215_000),
    status: "sold",
    attributes: { bedrooms: 2, bathrooms: 1, area_sqft: 900, acres: 1.5 },
  },
  {
    externalId: "PP-FH-12",
    site: "prairie-pine.example",
    title: "Farmhouse on twelve acres",
    address: "4410 County Road 9",
    price: usd(398_000),
    attributes: { bedrooms: 4, bathrooms: 2, area_sqft: 2_100, acres: 12 },
  },
  {
    externalId: "PP-LOT-7",
    site: "prairie-pine.example",
    title: "Wooded lot on Pine Ridge Road",
    address: "Lot 7, Pine Ridge Road",
    price: usd(64_900),
    status: "under_offer",
    attributes: { acres: 3.2 },
  },
];

/** Creates the listings, through the same schema and upsert as the API; answers them by external id. */
async function seedCompanyListings(actor: Actor, companyId: number, listings: DemoListing[]) {
  const created = new Map<string, ListingRecord>();
  for (const { externalId, site, ...fields } of listings) {
    const input = ListingInputSchema.parse({ url: `https://${site}/listings/${externalId}`, ...fields });
    const { listing } = await upsertListing(actor, {
      companyId,
      listing: { ...input, external_id: externalId },
    });
    created.set(externalId, listing);
  }
  return created;
}

export async function seedDemoListings(
  actor: Actor,
  companies: { summit: number; harbor: number; prairie: number },
) {
  return {
    summit: await seedCompanyListings(actor, companies.summit, SUMMIT),
    harbor: await seedCompanyListings(actor, companies.harbor, HARBOR),
    prairie: await seedCompanyListings(actor, companies.prairie, PRAIRIE),
  };
}

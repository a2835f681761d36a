import { toListing } from "@/lib/api/listing-serialize";
import { ListingBulkResultSchema, ListingPageSchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { listCompanyListings } from "@/lib/listings/read-listings";
import {
  BulkListingsSchema,
  CompanyQuerySchema,
  ListingPageQuerySchema,
  MAX_BULK_BODY_BYTES,
} from "@/lib/listings/schemas";
import { upsertListings } from "@/lib/listings/upsert-listings";

/** Listings of the companies the caller answers for, newest first; `status` and `company_id` narrow. */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "listings:write");
  const query = ListingPageQuerySchema.parse(queryOf(request));
  const page = await listCompanyListings(actor, {
    companyId: query.company_id,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
  });
  return jsonResponse(ListingPageSchema, { data: page.items.map(toListing), next_cursor: page.nextCursor });
});

/** A nightly sync: up to 500 listings in one call, each created or updated by its external_id. */
export const PUT = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "listings:write");
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const body = await readJson(request, BulkListingsSchema, { limit: MAX_BULK_BODY_BYTES });
  const counts = await upsertListings(actor, { companyId: company_id, listings: body.listings });
  return jsonResponse(ListingBulkResultSchema, counts);
});

import { toListing } from "@/lib/api/listing-serialize";
import { ListingSchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, type RouteParams, v1Route } from "@/lib/http/route";
import { getCompanyListing } from "@/lib/listings/read-listings";
import { CompanyQuerySchema, ListingInputSchema, ListingPathSchema } from "@/lib/listings/schemas";
import { upsertListing } from "@/lib/listings/upsert-listings";
import { withdrawListing } from "@/lib/listings/withdraw-listing";

/** The listing's external id from the path, and the company from `?company_id=`. */
function target(request: Request, params: RouteParams) {
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const { external_id } = ListingPathSchema.parse({ external_id: params.external_id });
  return { companyId: company_id, externalId: external_id };
}

export const GET = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "listings:write");
  return jsonResponse(ListingSchema, toListing(await getCompanyListing(actor, target(request, params))));
});

/** Creates (201) or updates (200) the company's listing with this external id. */
export const PUT = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "listings:write");
  const { companyId, externalId } = target(request, params);
  const body = await readJson(request, ListingInputSchema);
  const { listing, created } = await upsertListing(actor, {
    companyId,
    listing: { ...body, external_id: externalId },
  });
  return jsonResponse(ListingSchema, toListing(listing), { status: created ? 201 : 200 });
});

/** Withdraws the listing: chats that mention it keep showing it, marked withdrawn. */
export const DELETE = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "listings:write");
  return jsonResponse(ListingSchema, toListing(await withdrawListing(actor, target(request, params))));
});

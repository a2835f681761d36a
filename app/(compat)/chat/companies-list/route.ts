import { listAllCompaniesForBuyer } from "@/lib/companies/list-companies";
import { requireBearerActor } from "@/lib/compat/auth";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatCompanyListingSchema } from "@/lib/compat/schemas";
import { toCompatListing } from "@/lib/compat/serialize";
import { jsonResponse } from "@/lib/http/route";

/**
 * Every company by name, with the caller's own chat and unread count. The original always
 * answered `has_chat: false` here (it computed the values on objects it then discarded).
 */
export const GET = compatRoute(async ({ request }) => {
  const actor = await requireBearerActor(request);
  const companies = await listAllCompaniesForBuyer(actor);
  return jsonResponse(CompatCompanyListingSchema, companies.map(toCompatListing));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

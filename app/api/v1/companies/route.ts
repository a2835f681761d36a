import { CompaniesQuery } from "@/lib/api/v1-inputs";
import { CompanyPageSchema } from "@/lib/api/v1-schemas";
import { toCompany } from "@/lib/api/v1-serialize";
import { listCompaniesForBuyer } from "@/lib/companies/list-companies";
import { requireCaller } from "@/lib/http/authenticate";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const page = await listCompaniesForBuyer(actor, CompaniesQuery.parse(queryOf(request)));
  return jsonResponse(CompanyPageSchema, {
    data: page.items.map(toCompany),
    next_cursor: page.nextCursor,
  });
});

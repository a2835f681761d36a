import { createCompany, listCompaniesForAdmin } from "@/lib/admin/companies";
import { CompanyInputSchema } from "@/lib/admin/schemas";
import { toAdminCompany } from "@/lib/api/v1-admin-serialize";
import { AdminListQuery } from "@/lib/api/v1-inputs";
import { AdminCompanyPageSchema, AdminCompanySchema } from "@/lib/api/v1-schemas";
import { requireAdminCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireAdminCaller(request);
  const query = AdminListQuery.parse(queryOf(request));
  const rows = await listCompaniesForAdmin(actor, { limit: query.limit + 1, afterId: query.after_id });
  const page = rows.slice(0, query.limit);
  return jsonResponse(AdminCompanyPageSchema, {
    data: page.map(toAdminCompany),
    next_cursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  });
});

export const POST = v1Route(async ({ request }) => {
  const { actor } = await requireAdminCaller(request);
  const company = await createCompany(actor, await readJson(request, CompanyInputSchema));
  return jsonResponse(AdminCompanySchema, toAdminCompany(company), { status: 201 });
});

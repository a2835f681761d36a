import { updateCompany } from "@/lib/admin/companies";
import { CompanyPatchSchema } from "@/lib/admin/schemas";
import { toAdminCompany } from "@/lib/api/v1-admin-serialize";
import { AdminCompanySchema } from "@/lib/api/v1-schemas";
import { requireAdminCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireAdminCaller(request);
  const companyId = parseId(params.id, "Company");
  const patch = await readJson(request, CompanyPatchSchema);
  return jsonResponse(AdminCompanySchema, toAdminCompany(await updateCompany(actor, companyId, patch)));
});

import { RoutingSettingsSchema } from "@/lib/api/v1-schemas";
import { toRoutingSettings } from "@/lib/api/v1-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { CompanyQuerySchema } from "@/lib/listings/schemas";
import { RoutingSettingsPatchSchema } from "@/lib/routing/schemas";
import { getRoutingSettings, updateRoutingSettings } from "@/lib/routing/settings";

/** The company's routing, capacity, reassignment clock, business hours and away message. */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "settings:write");
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  return jsonResponse(RoutingSettingsSchema, toRoutingSettings(await getRoutingSettings(actor, company_id)));
});

/** Changes the fields sent, all or none. */
export const PATCH = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "settings:write");
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const patch = await readJson(request, RoutingSettingsPatchSchema);
  const settings = await updateRoutingSettings(actor, { companyId: company_id, patch });
  return jsonResponse(RoutingSettingsSchema, toRoutingSettings(settings));
});

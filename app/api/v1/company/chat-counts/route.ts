import { ChatCountsQuery } from "@/lib/api/v1-inputs";
import { ChatCountsSchema } from "@/lib/api/v1-schemas";
import { countCompanyChatsByStatus } from "@/lib/chats/count-company-chats";
import { requireCaller } from "@/lib/http/authenticate";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

/**
 * Counts behind the console's filters, for the companies the caller represents (all for an
 * admin): zeros for everyone else, as GET /api/v1/company/chats answers them an empty list.
 */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const query = ChatCountsQuery.parse(queryOf(request));
  const counts = await countCompanyChatsByStatus(actor, { companyId: query.company_id });
  return jsonResponse(ChatCountsSchema, counts);
});

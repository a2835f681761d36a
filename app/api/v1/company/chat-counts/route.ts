import { z } from "zod";
import { countCompanyChatsByStatus } from "@/lib/chats/count-company-chats";
import { requireCaller } from "@/lib/http/authenticate";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { DbIdQuerySchema } from "@/lib/validation";

const CountsQuery = z.object({ company_id: DbIdQuerySchema.optional() });
const StatusCount = z.object({
  total: z.number().int(),
  unread: z.number().int().describe("Chats with messages the company side has not read"),
});
const ChatCountsSchema = z.object({ open: StatusCount, closed: StatusCount });

/**
 * Counts behind the console's filters, for the companies the caller represents (all for an
 * admin): zeros for everyone else, as GET /api/v1/company/chats answers them an empty list.
 */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const query = CountsQuery.parse(queryOf(request));
  const counts = await countCompanyChatsByStatus(actor, { companyId: query.company_id });
  return jsonResponse(ChatCountsSchema, counts);
});

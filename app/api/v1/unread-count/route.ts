import { UnreadCountSchema } from "@/lib/api/v1-schemas";
import { countUnread } from "@/lib/chats/unread";
import { requireCaller } from "@/lib/http/authenticate";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** Unread messages for the caller as a buyer and, if they represent companies, as the company side. */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const representsAny = actor.isAdmin || actor.companyIds.length > 0;
  const [buyer, company] = await Promise.all([
    countUnread(actor, "buyer"),
    representsAny ? countUnread(actor, "company") : { total: 0, chats: 0 },
  ]);
  return jsonResponse(UnreadCountSchema, { buyer, company });
});

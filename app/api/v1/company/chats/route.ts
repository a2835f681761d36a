import { CompanyChatsQuery } from "@/lib/api/v1-inputs";
import { ChatPageSchema } from "@/lib/api/v1-schemas";
import { toChat } from "@/lib/api/v1-serialize";
import { listChats } from "@/lib/chats/list-chats";
import { requireCaller } from "@/lib/http/authenticate";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** Chats of every company the caller represents (all companies for an admin). */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const query = CompanyChatsQuery.parse(queryOf(request));
  const page = await listChats(actor, "company", {
    limit: query.limit,
    cursor: query.cursor,
    companyId: query.company_id,
    isActive: query.is_active,
    unread: query.unread,
    assignee: query.assignee === "me" ? actor.userId : query.assignee,
  });
  return jsonResponse(ChatPageSchema, {
    data: page.items.map((chat) => toChat(chat, "company")),
    next_cursor: page.nextCursor,
  });
});

import { listUsersForAdmin } from "@/lib/admin/users";
import { AdminListQuery } from "@/lib/api/v1-inputs";
import { UserPageSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { requireAdminCaller } from "@/lib/http/authenticate";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireAdminCaller(request);
  const query = AdminListQuery.parse(queryOf(request));
  const rows = await listUsersForAdmin(actor, {
    q: query.q,
    limit: query.limit + 1,
    afterId: query.after_id,
  });
  const page = rows.slice(0, query.limit);
  return jsonResponse(UserPageSchema, {
    data: page.map(toUser),
    next_cursor: rows.length > query.limit ? String(page.at(-1)?.userId) : null,
  });
});

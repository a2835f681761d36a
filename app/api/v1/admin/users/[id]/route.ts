import { UserPatchSchema } from "@/lib/admin/schemas";
import { updateUserAccess } from "@/lib/admin/users";
import { UserSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { requireAdminCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** `{company_id}` links (or with null unlinks) a representative directly; `{is_admin}` grants admin. */
export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireAdminCaller(request);
  const userId = parseId(params.id, "User");
  const patch = await readJson(request, UserPatchSchema);
  const user = await updateUserAccess(actor, userId, {
    companyId: patch.company_id,
    isAdmin: patch.is_admin,
  });
  return jsonResponse(UserSchema, toUser(user));
});

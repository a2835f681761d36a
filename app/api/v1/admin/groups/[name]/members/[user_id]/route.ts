import { addGroupMember, removeGroupMember } from "@/lib/admin/groups";
import { GroupNameSchema } from "@/lib/admin/schemas";
import { requireAdminCaller } from "@/lib/http/authenticate";
import { parseId } from "@/lib/http/params";
import { type RouteParams, v1Route } from "@/lib/http/route";

function target(params: RouteParams) {
  return {
    // Next has already decoded the path segment; decoding again would misread "%25".
    groupName: GroupNameSchema.parse(String(params.name)),
    userId: parseId(params.user_id, "User"),
  };
}

/** Adds the user to the group (a `company_{id}` group makes them that company's representative). */
export const PUT = v1Route(async ({ request, params }) => {
  const { actor } = await requireAdminCaller(request);
  const { groupName, userId } = target(params);
  const { created } = await addGroupMember(actor, groupName, userId);
  return new Response(null, { status: created ? 201 : 204 });
});

export const DELETE = v1Route(async ({ request, params }) => {
  const { actor } = await requireAdminCaller(request);
  const { groupName, userId } = target(params);
  await removeGroupMember(actor, groupName, userId);
  return new Response(null, { status: 204 });
});

import { UserSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { requireUserCaller } from "@/lib/http/authenticate";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireUserCaller(request, "chats:read");
  return jsonResponse(UserSchema, toUser(actor));
});

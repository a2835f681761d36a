import { MePatchSchema, MeSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { requireUserCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { getAvailability, setAvailability } from "@/lib/routing/availability";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireUserCaller(request, "chats:read");
  return jsonResponse(MeSchema, { ...toUser(actor), availability: await getAvailability(actor) });
});

/** `{availability: "away"}`: routing passes you by until you are back; your chats stay yours. */
export const PATCH = v1Route(async ({ request }) => {
  const { actor } = await requireUserCaller(request, "chats:write");
  const { availability } = await readJson(request, MePatchSchema);
  return jsonResponse(MeSchema, {
    ...toUser(actor),
    availability: await setAvailability(actor, availability),
  });
});

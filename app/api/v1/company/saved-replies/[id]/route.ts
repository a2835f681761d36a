import { SavedReplySchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { deleteSavedReply, savedReplyJson, updateSavedReply } from "@/lib/saved-replies/saved-replies";
import { SavedReplyPatchSchema } from "@/lib/saved-replies/schemas";

/** Changes the shortcut, the content or both; a shortcut the company already uses is 409. */
export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "settings:write");
  const id = parseId(params.id, "Saved reply");
  const patch = await readJson(request, SavedReplyPatchSchema);
  return jsonResponse(SavedReplySchema, savedReplyJson(await updateSavedReply(actor, id, patch)));
});

export const DELETE = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "settings:write");
  await deleteSavedReply(actor, parseId(params.id, "Saved reply"));
  return new Response(null, { status: 204 });
});

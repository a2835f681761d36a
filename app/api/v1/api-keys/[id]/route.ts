import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requirePersonCaller } from "@/lib/http/authenticate";
import { parseId } from "@/lib/http/params";
import { v1Route } from "@/lib/http/route";

/** Revokes the key at once: its next request is a 401. */
export const DELETE = v1Route(async ({ request, params }) => {
  const { actor } = await requirePersonCaller(request);
  await revokeApiKey(actor, parseId(params.id, "API key"));
  return new Response(null, { status: 204 });
});

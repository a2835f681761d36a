import { revokeAuthSession } from "@/lib/auth/sessions";
import { requirePersonCaller } from "@/lib/http/authenticate";
import { v1Route } from "@/lib/http/route";

/** Signs the calling token (or browser session) out: its access and refresh tokens stop working. */
export const POST = v1Route(async ({ request }) => {
  const { sessionId } = await requirePersonCaller(request);
  await revokeAuthSession(sessionId);
  return new Response(null, { status: 204 });
});

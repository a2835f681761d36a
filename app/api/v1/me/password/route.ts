import { changePassword } from "@/lib/accounts/users";
import { PasswordChangeBody } from "@/lib/api/v1-inputs";
import { requirePersonCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { v1Route } from "@/lib/http/route";

/** Changes the password; every other session and token of the user is revoked. */
export const POST = v1Route(async ({ request }) => {
  const { actor, sessionId } = await requirePersonCaller(request);
  const body = await readJson(request, PasswordChangeBody);
  await changePassword(actor, {
    currentPassword: body.current_password,
    newPassword: body.new_password,
    keepSessionId: sessionId,
  });
  return new Response(null, { status: 204 });
});

import { registerUser } from "@/lib/accounts/users";
import { RegisterBody } from "@/lib/api/v1-inputs";
import { UserSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { readJson } from "@/lib/http/body";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const POST = v1Route(async ({ request }) => {
  const actor = await registerUser(await readJson(request, RegisterBody));
  return jsonResponse(UserSchema, toUser(actor), { status: 201 });
});

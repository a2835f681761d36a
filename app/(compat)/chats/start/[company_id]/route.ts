import { type GetOrCreateChatResult, getOrCreateChat } from "@/lib/chats/get-or-create-chat";
import { requireBearerActor } from "@/lib/compat/auth";
import { asBusinessError } from "@/lib/compat/errors";
import { StartChatBody } from "@/lib/compat/inputs";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatStartChatSchema } from "@/lib/compat/schemas";
import { toCompatBuyerChat, toCompatMessage } from "@/lib/compat/serialize";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse } from "@/lib/http/route";

/**
 * Get-or-create the caller's chat with a company (201 created, 200 existing; unknown company
 * 404). Optional `{content}` is sent as the first message and returned as `initial_message`.
 */
export const POST = compatRoute(async ({ request, params }) => {
  const actor = await requireBearerActor(request);
  const { content } = await readJson(request, StartChatBody, { optional: true }).catch(asBusinessError);
  let result: GetOrCreateChatResult;
  try {
    result = await getOrCreateChat(actor, { companyId: parseId(params.company_id, "Company"), content });
  } catch (error) {
    // The original's own answer for this case (not DRF's `detail`).
    if (error instanceof AppError && error.code === "not_found") {
      return Response.json({ error: "Company not found" }, { status: 404 });
    }
    throw error;
  }
  const { chat, created, initialMessage } = result;
  return jsonResponse(
    CompatStartChatSchema,
    {
      ...toCompatBuyerChat(chat),
      ...(initialMessage ? { initial_message: toCompatMessage(initialMessage.message) } : {}),
    },
    { status: created ? 201 : 200 },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

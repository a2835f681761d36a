import { getOrCreateChat } from "@/lib/chats/get-or-create-chat";
import { requireBearerActor } from "@/lib/compat/auth";
import { listChatsRoute } from "@/lib/compat/chat-routes";
import { CreateChatBody, invalidPk } from "@/lib/compat/inputs";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatBuyerChatSchema } from "@/lib/compat/schemas";
import { toCompatBuyerChat } from "@/lib/compat/serialize";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/route";

export const GET = listChatsRoute("buyer");

/**
 * `{company}` → the caller's chat with that company: 201 when created, 200 with the existing
 * chat when there is one (the original failed with a database error on the second call).
 */
export const POST = compatRoute(async ({ request }) => {
  const actor = await requireBearerActor(request);
  const { company } = await readJson(request, CreateChatBody, { optional: true });
  const { chat, created } = await getOrCreateChat(actor, { companyId: company }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") {
      throw new AppError("validation_failed", "Unknown company.", [
        { field: "company", message: invalidPk(company) },
      ]);
    }
    throw error;
  });
  return jsonResponse(CompatBuyerChatSchema, toCompatBuyerChat(chat), { status: created ? 201 : 200 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");

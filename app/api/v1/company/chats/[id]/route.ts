import { chatRoute } from "@/lib/api/v1-chat-routes";
import { ChatPatchBody } from "@/lib/api/v1-inputs";
import { ChatSchema } from "@/lib/api/v1-schemas";
import { toChat } from "@/lib/api/v1-serialize";
import { setChatActive } from "@/lib/chats/set-chat-active";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const GET = chatRoute("company");

/** `{is_active: false}` closes the chat, `{is_active: true}` reopens it. */
export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "chats:write");
  const chatId = parseId(params.id, "Chat");
  const body = await readJson(request, ChatPatchBody);
  const chat = await setChatActive(actor, chatId, body.is_active);
  return jsonResponse(ChatSchema, toChat(chat, "company"));
});

import { chatRoute } from "@/lib/api/v1-chat-routes";
import { ChatPatchBody } from "@/lib/api/v1-inputs";
import { ChatSchema } from "@/lib/api/v1-schemas";
import { toChat } from "@/lib/api/v1-serialize";
import { getChatOrThrow } from "@/lib/chats/get-chat";
import { setChatActive } from "@/lib/chats/set-chat-active";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { setAssignee } from "@/lib/routing/set-assignee";

export const GET = chatRoute("company");

/**
 * `{is_active: false}` closes the chat, `{is_active: true}` reopens it; `{assignee_id}` assigns it
 * (null: back to the queue). The assignee is checked first: a refused assignee changes nothing.
 */
export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "chats:write");
  const chatId = parseId(params.id, "Chat");
  const body = await readJson(request, ChatPatchBody);
  if (body.assignee_id !== undefined) await setAssignee(actor, chatId, body.assignee_id);
  const chat =
    body.is_active === undefined
      ? await getChatOrThrow(actor, "company", chatId)
      : await setChatActive(actor, chatId, body.is_active);
  return jsonResponse(ChatSchema, toChat(chat, "company"));
});

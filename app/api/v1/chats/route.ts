import type { z } from "zod";
import { sendKey } from "@/lib/api/v1-chat-routes";
import { StartChatBody } from "@/lib/api/v1-inputs";
import { ChatPageSchema, StartChatResultSchema } from "@/lib/api/v1-schemas";
import { toChat, toMessage } from "@/lib/api/v1-serialize";
import { getOrCreateChat } from "@/lib/chats/get-or-create-chat";
import { listChats } from "@/lib/chats/list-chats";
import { requireUserCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { CursorQuery } from "@/lib/pagination";

export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireUserCaller(request, "chats:read");
  const page = await listChats(actor, "buyer", CursorQuery.parse(queryOf(request)));
  return jsonResponse(ChatPageSchema, {
    data: page.items.map((chat) => toChat(chat, "buyer")),
    next_cursor: page.nextCursor,
  });
});

/** Get-or-create the caller's chat with a company: 201 when created, 200 when it existed. */
export const POST = v1Route(async ({ request }) => {
  const { actor } = await requireUserCaller(request, "chats:write");
  const body = await readJson(request, StartChatBody);
  const result = await getOrCreateChat(actor, {
    companyId: body.company_id,
    content: body.content,
    clientMessageId: sendKey(request, body.client_message_id),
    listingId: body.listing_id,
  });
  const value: z.input<typeof StartChatResultSchema> = {
    ...toChat(result.chat, "buyer"),
    initial_message: result.initialMessage ? toMessage(result.initialMessage.message) : null,
  };
  return jsonResponse(StartChatResultSchema, value, { status: result.created ? 201 : 200 });
});

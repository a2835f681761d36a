// Handlers shared by the buyer paths (/chats/…) and the company paths (/company-chats/…):
// the same operations, scoped to a different side and answered in that side's shape.
import { getChatOrThrow } from "../chats/get-chat";
import { listChatsByPage } from "../chats/list-chats";
import type { Side } from "../chats/scope";
import type { ChatRecord } from "../chats/select";
import { readJson } from "../http/body";
import { parseId } from "../http/params";
import { jsonResponse } from "../http/route";
import { markChatRead } from "../messages/mark-read";
import { sendMessage } from "../messages/send-message";
import { requireBearerActor } from "./auth";
import { asBusinessError } from "./errors";
import { SendBody } from "./inputs";
import { COMPAT_PAGE_SIZE, pageEnvelope, pageNumberOf } from "./pagination";
import { compatRoute } from "./route";
import {
  CompatBuyerChatSchema,
  CompatCompanyChatSchema,
  CompatMarkReadSchema,
  CompatMessageSchema,
  CompatReplySchema,
  compatPageOf,
} from "./schemas";
import { toCompatBuyerChat, toCompatCompanyChat, toCompatMessage } from "./serialize";

function chatPageResponse(request: Request, side: Side, page: number, count: number, chats: ChatRecord[]) {
  return side === "buyer"
    ? jsonResponse(
        compatPageOf(CompatBuyerChatSchema),
        pageEnvelope(request, page, count, chats.map(toCompatBuyerChat)),
      )
    : jsonResponse(
        compatPageOf(CompatCompanyChatSchema),
        pageEnvelope(request, page, count, chats.map(toCompatCompanyChat)),
      );
}

const chatResponse = (side: Side, chat: ChatRecord) =>
  side === "buyer"
    ? jsonResponse(CompatBuyerChatSchema, toCompatBuyerChat(chat))
    : jsonResponse(CompatCompanyChatSchema, toCompatCompanyChat(chat));

/** `GET /chats/` and `GET /company-chats/`: newest activity first, 10 a page. */
export const listChatsRoute = (side: Side) =>
  compatRoute(async ({ request }) => {
    const actor = await requireBearerActor(request);
    const page = pageNumberOf(request);
    const { count, chats } = await listChatsByPage(actor, side, { page, pageSize: COMPAT_PAGE_SIZE });
    return chatPageResponse(request, side, page, count, chats);
  });

/** `GET /chats/{id}/` and `GET /company-chats/{id}/`; a chat outside the caller's scope is 404. */
export const chatRoute = (side: Side) =>
  compatRoute(async ({ request, params }) => {
    const actor = await requireBearerActor(request);
    const chat = await getChatOrThrow(actor, side, parseId(params.id, "Chat"));
    return chatResponse(side, chat);
  });

/**
 * `POST /chats/{id}/send_message/` (201 with the message) and `POST /company-chats/{id}/reply/`
 * (201 with `{message, chat}`). Both refuse an inactive chat; the original's send_message did not.
 */
export const sendRoute = (side: Side) =>
  compatRoute(async ({ request, params }) => {
    const actor = await requireBearerActor(request);
    const chatId = parseId(params.id, "Chat");
    const { content } = await readJson(request, SendBody, { optional: true }).catch(asBusinessError);
    const { message } = await sendMessage(actor, side, chatId, { content });
    if (side === "buyer") return jsonResponse(CompatMessageSchema, toCompatMessage(message), { status: 201 });
    const chat = await getChatOrThrow(actor, side, chatId);
    return jsonResponse(
      CompatReplySchema,
      { message: toCompatMessage(message), chat: toCompatCompanyChat(chat) },
      { status: 201 },
    );
  });

/**
 * `GET` and `POST /company-chats/{id}/mark_as_read/`: the buyer's messages become read by the
 * company. Changing data on GET is the original's contract; clients depend on it on this path.
 */
export const markReadRoute = compatRoute(async ({ request, params }) => {
  const actor = await requireBearerActor(request);
  const count = await markChatRead(actor, "company", parseId(params.id, "Chat"));
  return jsonResponse(CompatMarkReadSchema, { success: true, messages_marked_read: count });
});

// Handlers shared by the buyer paths (/api/v1/chats/…) and the company paths
// (/api/v1/company/chats/…): the same operations, scoped to a different side.

import type { Scope } from "../auth/scopes";
import { getChatOrThrow } from "../chats/get-chat";
import type { Side } from "../chats/scope";
import { AppError } from "../errors";
import { requireCaller, requireUserCaller } from "../http/authenticate";
import { readJson } from "../http/body";
import { parseId, queryOf } from "../http/params";
import { jsonResponse, v1Route } from "../http/route";
import { listMessages, MessagePageQuerySchema } from "../messages/list-messages";
import { markChatRead } from "../messages/mark-read";
import { sendMessage } from "../messages/send-message";
import { announceTyping } from "../realtime/announce-typing";
import { SendBody } from "./v1-inputs";
import { ChatSchema, MarkReadSchema, MessagePageSchema, MessageSchema } from "./v1-schemas";
import { toChat, toMessage } from "./v1-serialize";

/** The caller for one side: the buyer side takes people and personal tokens, never a company key. */
const callerFor = (request: Request, side: Side, scope: Scope) =>
  side === "buyer" ? requireUserCaller(request, scope) : requireCaller(request, scope);

export const chatRoute = (side: Side) =>
  v1Route(async ({ request, params }) => {
    const { actor } = await callerFor(request, side, "chats:read");
    const chat = await getChatOrThrow(actor, side, parseId(params.id, "Chat"));
    return jsonResponse(ChatSchema, toChat(chat, side));
  });

export const listMessagesRoute = (side: Side) =>
  v1Route(async ({ request, params }) => {
    const { actor } = await callerFor(request, side, "chats:read");
    const chatId = parseId(params.id, "Chat");
    const query = MessagePageQuerySchema.parse(queryOf(request));
    const page = await listMessages(actor, side, chatId, query);
    const edge = query.after !== undefined ? page.messages.at(-1) : page.messages[0];
    return jsonResponse(MessagePageSchema, {
      data: page.messages.map(toMessage),
      has_more: page.hasMore,
      next_cursor: page.hasMore && edge ? String(edge.id) : null,
    });
  });

/** The Idempotency-Key header and the body's client_message_id name the same thing. */
function sendKey(request: Request, bodyKey: string | undefined): string | undefined {
  const header = request.headers.get("idempotency-key")?.trim();
  if (header && bodyKey && header !== bodyKey) {
    throw new AppError("validation_failed", "Idempotency-Key and client_message_id differ.", [
      { field: "client_message_id", message: "Must equal the Idempotency-Key header when both are given." },
    ]);
  }
  const key = header || bodyKey;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("validation_failed", "The idempotency key is not valid.", [
      { field: "Idempotency-Key", message: "Use 1 to 200 printable ASCII characters without spaces." },
    ]);
  }
  return key;
}

export const sendMessageRoute = (side: Side) =>
  v1Route(async ({ request, params }) => {
    const { actor } = await callerFor(request, side, "messages:write");
    const chatId = parseId(params.id, "Chat");
    const body = await readJson(request, SendBody);
    const clientMessageId = sendKey(request, body.client_message_id);
    const { message, replayed } = await sendMessage(actor, side, chatId, {
      content: body.content,
      clientMessageId,
      listingId: body.listing_id,
    });
    return jsonResponse(MessageSchema, toMessage(message), {
      status: 201,
      headers: replayed ? { "idempotent-replayed": "true" } : {},
    });
  });

export const markReadRoute = (side: Side) =>
  v1Route(async ({ request, params }) => {
    const { actor } = await callerFor(request, side, "messages:write");
    const count = await markChatRead(actor, side, parseId(params.id, "Chat"));
    return jsonResponse(MarkReadSchema, { marked_read: count });
  });

export { sendKey };

/** "Typing…" for the other side; throttled, never stored. 202 whether or not it was sent. */
export const typingRoute = (side: Side) =>
  v1Route(async ({ request, params }) => {
    const { actor } = await callerFor(request, side, "messages:write");
    await announceTyping(actor, side, parseId(params.id, "Chat"));
    return new Response(null, { status: 202 });
  });

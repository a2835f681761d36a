import { requireBearerActor } from "@/lib/compat/auth";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatMessageSchema } from "@/lib/compat/schemas";
import { toCompatMessage } from "@/lib/compat/serialize";
import { parseId } from "@/lib/http/params";
import { jsonResponse } from "@/lib/http/route";
import { listMessages } from "@/lib/messages/list-messages";
import { markChatRead } from "@/lib/messages/mark-read";

/**
 * The original returned every message of the chat; this answer is bounded to the newest
 * MAX_COMPAT_MESSAGES (still oldest first). Older history is paged by the versioned API
 * (`GET /api/v1/chats/{id}/messages?before=`).
 */
export const MAX_COMPAT_MESSAGES = 1000;

const MessagesSchema = CompatMessageSchema.array();

/**
 * The buyer's messages, oldest first. Marks the company's messages read first, as the original
 * did: it is the only way its clients clear unread counts (kept on this path only; the
 * versioned API's reads are safe).
 */
export const GET = compatRoute(async ({ request, params }) => {
  const actor = await requireBearerActor(request);
  const chatId = parseId(params.id, "Chat");
  await markChatRead(actor, "buyer", chatId);
  const { messages } = await listMessages(actor, "buyer", chatId, { limit: MAX_COMPAT_MESSAGES });
  return jsonResponse(MessagesSchema, messages.map(toCompatMessage));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

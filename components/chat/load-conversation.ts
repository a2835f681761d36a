// Server only (imported by the two conversation pages, never by a client component): the first
// view of a conversation, read through lib/ with the page's actor, in the API's JSON shapes.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ChatSchema, MessagePageSchema } from "@/lib/api/v1-schemas";
import { toChat, toMessage } from "@/lib/api/v1-serialize";
import type { ApiChat, ApiMessagePage } from "@/lib/api/v1-types";
import type { Actor } from "@/lib/auth/actor";
import { getChatOrThrow } from "@/lib/chats/get-chat";
import type { ChatRecord } from "@/lib/chats/select";
import { type ChatSide, chatUrl, MESSAGE_PAGE_SIZE, newestMessagesUrl } from "@/lib/client/chat-urls";
import { AppError } from "@/lib/errors";
import { getPageActor } from "@/lib/http/page-actor";
import { parseId } from "@/lib/http/params";
import { listMessages } from "@/lib/messages/list-messages";

type ChatLookup =
  | { kind: "ok"; actor: Actor; chatId: number; chat: ChatRecord }
  | { kind: "signed_out" }
  | { kind: "not_found" }
  | { kind: "failed"; error: unknown };

/**
 * One lookup per request, shared by the segment's layout, its metadata and its page (React
 * `cache`). It answers instead of throwing so each caller decides: the layout turns "not found"
 * into the 404 page before anything streams (a real 404 status), and leaves other failures to the
 * page, where the segment's error.tsx shows them.
 */
export const lookUpChat = cache(async (side: ChatSide, rawId: string): Promise<ChatLookup> => {
  try {
    const actor = await getPageActor();
    if (!actor) return { kind: "signed_out" };
    const chatId = parseId(rawId, "Chat");
    const chat = await getChatOrThrow(actor, side, chatId);
    return { kind: "ok", actor, chatId, chat };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { kind: "not_found" };
    return { kind: "failed", error };
  }
});

/**
 * For the segment's layout, which renders before loading.tsx starts the stream: the sign-in
 * redirect and the 404 page keep their real HTTP status. Other failures are left to the page.
 */
export async function guardChatSegment(side: ChatSide, rawId: string, returnTo: string): Promise<void> {
  const found = await lookUpChat(side, rawId);
  if (found.kind === "signed_out") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (found.kind === "not_found") notFound();
}

/** The chat, or the sign-in redirect, the 404 page, or the error that stops the page. */
export async function requireChat(side: ChatSide, rawId: string, returnTo: string) {
  const found = await lookUpChat(side, rawId);
  if (found.kind === "signed_out") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (found.kind === "not_found") notFound();
  if (found.kind === "failed") throw found.error;
  return found;
}

export type ConversationData = {
  chatId: number;
  viewerId: number;
  viewerName: string;
  /** SWR fallback data keyed by the API URLs the client components read. */
  fallback: Record<string, ApiChat | ApiMessagePage>;
};

/** The chat and its newest page of messages, parsed through the API's output schemas. */
export async function loadConversation(
  side: ChatSide,
  rawId: string,
  returnTo: string,
): Promise<ConversationData> {
  const { actor, chatId, chat } = await requireChat(side, rawId, returnTo);
  let page: Awaited<ReturnType<typeof listMessages>>;
  try {
    page = await listMessages(actor, side, chatId, { limit: MESSAGE_PAGE_SIZE });
  } catch (error) {
    // Access ended between the two reads: the same answer as if it never existed.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const oldest = page.messages[0];
  return {
    chatId,
    viewerId: actor.userId,
    viewerName: actor.name,
    fallback: {
      [chatUrl(side, chatId)]: ChatSchema.parse(toChat(chat, side)),
      [newestMessagesUrl(side, chatId)]: MessagePageSchema.parse({
        data: page.messages.map(toMessage),
        has_more: page.hasMore,
        next_cursor: page.hasMore && oldest ? String(oldest.id) : null,
      }),
    },
  };
}

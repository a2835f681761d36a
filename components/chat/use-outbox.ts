"use client";

import { useCallback, useState } from "react";
import { useSWRConfig } from "swr";
import type { ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";
import { ApiError, apiFetch } from "@/lib/client/api";
import { type ChatSide, messagesUrl, newestMessagesUrl } from "@/lib/client/chat-urls";
import { patchCached } from "@/lib/client/patch-cache";
import { newClientMessageId } from "./client-id";
import { mergeMessages } from "./thread-model";

export type OutboxItem = {
  clientId: string;
  content: string;
  status: "sending" | "failed";
  error?: string;
};

/**
 * Sends from this tab. A message shows at once ("Sending…") from this local outbox; the
 * server's copy is put into the SWR cache of the newest page with `mutate` the moment the POST
 * answers, and the outbox entry goes. A failed send stays on screen as "Failed" with Retry
 * (SWR's rollbackOnError would make it vanish, losing what the person typed); a retry reuses the
 * client id as Idempotency-Key, so the server never stores it twice.
 */
export function useOutbox(side: ChatSide, chatId: number, onChatClosed: () => void) {
  const { cache, mutate } = useSWRConfig();
  const [items, setItems] = useState<OutboxItem[]>([]);

  const deliver = useCallback(
    async (clientId: string, content: string) => {
      setItems((list) => [
        ...list.filter((item) => item.clientId !== clientId),
        { clientId, content, status: "sending" },
      ]);
      try {
        const message = await apiFetch<ApiMessage>(messagesUrl(side, chatId), {
          method: "POST",
          body: { content },
          headers: { "Idempotency-Key": clientId },
        });
        await patchCached<ApiMessagePage>(cache, mutate, newestMessagesUrl(side, chatId), (page) => ({
          ...page,
          data: mergeMessages(page.data, [message]),
        }));
        setItems((list) => list.filter((item) => item.clientId !== clientId));
      } catch (caught) {
        const error = caught instanceof Error ? caught.message : "The message could not be sent.";
        setItems((list) =>
          list.map((item) => (item.clientId === clientId ? { ...item, status: "failed", error } : item)),
        );
        // A 409 is either a closed chat or this very send still running (Idempotency-Key).
        if (caught instanceof ApiError && caught.status === 409 && caught.type?.endsWith("/chat-closed"))
          onChatClosed();
      }
    },
    [side, chatId, cache, mutate, onChatClosed],
  );

  const send = useCallback((content: string) => deliver(newClientMessageId(), content), [deliver]);

  const retry = useCallback(
    (clientId: string) => {
      const item = items.find((candidate) => candidate.clientId === clientId);
      if (item) void deliver(item.clientId, item.content);
    },
    [items, deliver],
  );

  return { items, send, retry };
}

"use client";

import { useEffect, useRef } from "react";
import { useSWRConfig } from "swr";
import type { ApiChat, ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import {
  type ChatSide,
  chatUrl,
  isChatListKey,
  newestMessagesUrl,
  otherSenderType,
  readUrl,
} from "@/lib/client/chat-urls";
import { patchCached } from "@/lib/client/patch-cache";

const RETRY_MS = 5000;

/**
 * Marks the other side's messages read with a POST (never as a side effect of a GET): when the
 * conversation is shown, and again whenever new ones arrive while the page is visible. A hidden
 * tab waits until it is shown; a failed POST is tried again a little later.
 */
export function useMarkRead(
  side: ChatSide,
  chatId: number,
  newest: readonly ApiMessage[],
  unreadCount: number,
) {
  const { cache, mutate } = useSWRConfig();
  const incoming = otherSenderType(side);
  let latestUnreadId = 0;
  for (const message of newest) {
    if (message.sender_type === incoming && !message.read_at) latestUnreadId = message.id;
  }
  // What there is to mark, as a value: the same state is never posted twice.
  const wanted = latestUnreadId > 0 || unreadCount > 0 ? `${latestUnreadId}:${unreadCount}` : null;
  const wantedRef = useRef(wanted);
  const doneFor = useRef<string | null>(null);
  const inFlight = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wantedRef.current = wanted;
    if (!wanted) return;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const markRead = async () => {
      // Loops because more may have arrived while a POST was on its way (the effect that saw it
      // found this one in flight and left the work to it).
      while (mounted.current && !inFlight.current && document.visibilityState === "visible") {
        const target = wantedRef.current;
        if (!target || doneFor.current === target) return;
        inFlight.current = true;
        try {
          await apiFetch(readUrl(side, chatId), { method: "POST" });
          doneFor.current = target;
          await updateCaches();
        } catch {
          retryTimer = setTimeout(() => void markRead(), RETRY_MS);
          return;
        } finally {
          inFlight.current = false;
        }
      }
    };

    const updateCaches = () => {
      const readAt = new Date().toISOString();
      return Promise.all([
        patchCached<ApiMessagePage>(cache, mutate, newestMessagesUrl(side, chatId), (page) => ({
          ...page,
          data: page.data.map((m) =>
            m.sender_type === incoming && !m.read_at ? { ...m, read_at: readAt } : m,
          ),
        })),
        patchCached<ApiChat>(cache, mutate, chatUrl(side, chatId), (chat) => ({ ...chat, unread_count: 0 })),
        // Unread badges in lists and the header.
        mutate(isChatListKey),
      ]);
    };

    const onVisibility = () => void markRead();
    void markRead();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(retryTimer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [wanted, side, chatId, incoming, cache, mutate]);
}

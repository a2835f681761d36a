"use client";

import { useCallback, useRef, useState } from "react";
import useSWR from "swr";
import type { ApiMessagePage } from "@/lib/api/v1-types";
import { apiFetch, swrFetcher } from "@/lib/client/api";
import { type ChatSide, newestMessagesUrl, olderMessagesUrl } from "@/lib/client/chat-urls";
import { useLiveOptions } from "./live-options";
import { absorbPage, mergeMessages, startHistory } from "./thread-model";

/**
 * The thread's messages: the newest page, polled through SWR (seeded by the server page's
 * fallback), merged by id with older pages loaded on demand by `before` cursor.
 */
export function useThread(side: ChatSide, chatId: number) {
  const newestKey = newestMessagesUrl(side, chatId);
  const { data: newest, error } = useSWR<ApiMessagePage>(newestKey, swrFetcher, useLiveOptions());
  const [history, setHistory] = useState(() => startHistory(newest));
  const [absorbed, setAbsorbed] = useState(newest);
  // Folded in during render rather than in an effect, so a new page never shows for one frame
  // without what it replaced (https://react.dev/learn/you-might-not-need-an-effect).
  if (newest !== absorbed) {
    setAbsorbed(newest);
    if (newest) setHistory((current) => absorbPage(current, newest));
  }

  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const loadingRef = useRef(false);

  const loadOlder = useCallback(async () => {
    const { generation, hasMore } = history;
    const oldestId = history.messages[0]?.id;
    if (loadingRef.current || !hasMore || oldestId === undefined) return;
    loadingRef.current = true;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await apiFetch<ApiMessagePage>(olderMessagesUrl(side, chatId, oldestId));
      setHistory((current) =>
        current.generation !== generation
          ? current
          : { ...current, messages: mergeMessages(page.data, current.messages), hasMore: page.has_more },
      );
    } catch (caught) {
      setOlderError(caught instanceof Error ? caught.message : "Older messages could not be loaded.");
    } finally {
      loadingRef.current = false;
      setLoadingOlder(false);
    }
  }, [side, chatId, history]);

  return {
    /** The newest page as polled: what mark-read looks at. */
    newest: newest?.data ?? [],
    messages: history.messages,
    hasMoreOlder: history.hasMore,
    loadingOlder,
    olderError,
    loadOlder,
    error: error as unknown,
  };
}

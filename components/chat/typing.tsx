"use client";

import { useCallback, useRef } from "react";
import { apiFetch } from "@/lib/client/api";
import { type ChatSide, chatUrl } from "@/lib/client/chat-urls";
import { useTyping } from "@/lib/client/live-events";

/** The server throttles too; this only keeps a typing burst from sending a request per key. */
const ANNOUNCE_EVERY_MS = 2_500;

/** Returns a function to call on input: tells the other side "typing…", at most every 2.5 s. */
export function useTypingAnnouncer(side: ChatSide, chatId: number): () => void {
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < ANNOUNCE_EVERY_MS) return;
    last.current = now;
    // Best effort: a lost "typing…" is harmless, so failures are ignored.
    apiFetch(`${chatUrl(side, chatId)}/typing`, { method: "POST" }).catch(() => {});
  }, [side, chatId]);
}

/** "Name is typing…", from the live stream; a fixed-height line so nothing shifts. */
export function TypingIndicator({ chatId }: { chatId: number }) {
  const typing = useTyping(chatId);
  return (
    <p className="h-5 px-1 text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
      {typing ? `${typing.name} is typing…` : ""}
    </p>
  );
}

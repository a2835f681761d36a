"use client";
// One EventSource per tab (GET /api/v1/events). Events update the SWR caches they concern:
// a new message or a read receipt is written straight into the cached thread; the chat resource
// and the lists (whose order and counts depend on every chat) are refetched by key, never
// everything. The browser reconnects with Last-Event-ID by itself; while the stream is down,
// pages fall back to polling.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import type { ApiMessagePage } from "@/lib/api/v1-types";
import {
  type MessageCreatedEvent,
  type MessagesReadEvent,
  withMessage,
  withReadReceipt,
} from "./apply-event";
import { type ChatSide, chatListingsUrl, chatNotesUrl, newestMessagesUrl } from "./chat-urls";
import { patchCached } from "./patch-cache";

export type LiveStatus = "connecting" | "live" | "offline";
export type TypingInfo = { chatId: number; name: string; side: "buyer" | "company" };

type LiveContext = { status: LiveStatus; typing: Map<number, TypingInfo> };
const Context = createContext<LiveContext>({ status: "offline", typing: new Map() });

const TYPING_VISIBLE_MS = 4_000;
const LIST_KEYS =
  /^\/api\/v1\/(chats|company\/chats|companies|unread-count)(\?|$)|^\/api\/v1\/company\/chat-counts/;
const chatKeys = (chatId: number) => new RegExp(`^/api/v1/(company/)?chats/${chatId}(/|\\?|$)`);
/** The chat resource itself, buyer or company side (not its messages). */
const chatResourceKeys = (chatId: number) => new RegExp(`^/api/v1/(company/)?chats/${chatId}$`);
const SIDES: ChatSide[] = ["buyer", "company"];

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { cache, mutate } = useSWRConfig();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [typing, setTyping] = useState<Map<number, TypingInfo>>(new Map());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setStatus("offline");
      return;
    }
    const source = new EventSource("/api/v1/events");
    let failures = 0;
    // Key only: passing data (even undefined) would overwrite the cached value before refetching.
    const revalidate = (pattern: RegExp) => mutate((key) => typeof key === "string" && pattern.test(key));
    // The newest page of the thread, on whichever side this tab shows it. With nothing cached
    // (the page still shows its server-rendered copy) patchCached refetches instead; with no
    // view mounted for the key, that costs nothing.
    const patchThread = (chatId: number, patch: (page: ApiMessagePage) => ApiMessagePage) => {
      for (const side of SIDES) void patchCached(cache, mutate, newestMessagesUrl(side, chatId), patch);
    };
    const onMessageCreated = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as MessageCreatedEvent;
      patchThread(data.chat_id, (page) => withMessage(page, data.message));
      // A question about a listing may put it first in the console's context panel.
      if (data.message.listing) void mutate(chatListingsUrl(data.chat_id));
      void revalidate(chatResourceKeys(data.chat_id));
      void revalidate(LIST_KEYS);
    };
    const onMessagesRead = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as MessagesReadEvent;
      patchThread(data.chat_id, (page) => withReadReceipt(page, data));
      void revalidate(chatResourceKeys(data.chat_id));
      void revalidate(LIST_KEYS);
    };
    const onChatChange = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { chat_id: number };
      void revalidate(chatKeys(data.chat_id));
      void revalidate(LIST_KEYS);
    };
    // A note changes nothing in the lists: only the notes beside that conversation.
    const onNoteCreated = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { chat_id: number };
      void mutate(chatNotesUrl(data.chat_id));
    };
    const onTyping = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as {
        chat_id: number;
        side: "buyer" | "company";
        user: { name: string };
      };
      setTyping((current) =>
        new Map(current).set(data.chat_id, { chatId: data.chat_id, name: data.user.name, side: data.side }),
      );
      clearTimeout(timers.current.get(data.chat_id));
      timers.current.set(
        data.chat_id,
        setTimeout(() => {
          setTyping((current) => {
            const next = new Map(current);
            next.delete(data.chat_id);
            return next;
          });
        }, TYPING_VISIBLE_MS),
      );
    };
    source.addEventListener("message.created", onMessageCreated as EventListener);
    source.addEventListener("messages.read", onMessagesRead as EventListener);
    // An assignment moves the chat between "Mine" and "Unassigned" and changes their counts.
    for (const type of ["chat.created", "chat.closed", "chat.reopened", "chat.assigned"]) {
      source.addEventListener(type, onChatChange as EventListener);
    }
    source.addEventListener("note.created", onNoteCreated as EventListener);
    source.addEventListener("typing", onTyping as EventListener);
    // Too old to resume exactly, or what this person may see changed: refetch what is on screen.
    source.addEventListener("resync", () => void revalidate(/^\/api\/v1\//));
    // The page's data was read before the stream opened, and a first connection has no
    // Last-Event-ID to replay from: whatever happened in between (a lead posted while the page
    // loaded) would be missing until the next change. Refetch once, when the stream is first
    // ready; reconnections resume from their last id instead.
    let firstReady = true;
    source.addEventListener("ready", () => {
      if (!firstReady) return;
      firstReady = false;
      void revalidate(/^\/api\/v1\//);
    });
    source.addEventListener("access.changed", () => void revalidate(/^\/api\/v1\//));
    // Signed out (here or elsewhere) or expired: the stream is over; pages refetch and find out.
    source.addEventListener("access.revoked", () => {
      source.close();
      setStatus("offline");
      void revalidate(/^\/api\/v1\//);
    });
    source.onopen = () => {
      failures = 0;
      setStatus("live");
    };
    source.onerror = () => {
      failures += 1;
      // EventSource keeps retrying; after a few failures say so, and let pages poll meanwhile.
      if (failures >= 2 || source.readyState === EventSource.CLOSED) setStatus("offline");
    };
    const pending = timers.current;
    return () => {
      source.close();
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, [cache, mutate]);

  const value = useMemo(() => ({ status, typing }), [status, typing]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useLiveStatus = () => useContext(Context).status;

/** The polling interval a view should use: none while the stream delivers, `ms` otherwise. */
export function usePollInterval(ms: number): number {
  return useContext(Context).status === "live" ? 0 : ms;
}

/** Who is typing in this chat on the other side, if anyone. */
export const useTyping = (chatId: number): TypingInfo | null =>
  useContext(Context).typing.get(chatId) ?? null;

"use client";

import { useCallback, useId, useRef, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { ApiChat, ApiMessage } from "@/lib/api/v1-types";
import { swrFetcher } from "@/lib/client/api";
import { type ChatSide, chatUrl, otherSenderType, ownSenderType } from "@/lib/client/chat-urls";
import { ClosedNotice } from "./closed-notice";
import { Composer } from "./composer";
import { ConnectionProblem } from "./connection-problem";
import { CONVERSATION_FRAME } from "./conversation-frame";
import { ConversationHeader } from "./conversation-header";
import { useLiveOptions } from "./live-options";
import { MessageItem } from "./message-item";
import { MessageThread } from "./message-thread";
import { NewMessageAnnouncer } from "./new-message-announcer";
import { messageKey, outboxKey, receiptIds } from "./thread-model";
import { TypingIndicator, useTypingAnnouncer } from "./typing";
import { useMarkRead } from "./use-mark-read";
import { useOutbox } from "./use-outbox";
import { useReplyOptions } from "./use-reply-options";
import { useThread } from "./use-thread";

type ConversationProps = {
  side: ChatSide;
  chatId: number;
  viewerId: number;
  /** The signed-in person's name: the console fills `{{rep.name}}` in saved replies with it. */
  viewerName: string;
};

/**
 * One conversation, for the buyer (side "buyer") or the console (side "company"). Its first data
 * comes from the server page as SWR fallback under the same /api/v1 URLs it then polls.
 */
export function Conversation({ side, chatId, viewerId, viewerName }: ConversationProps) {
  const titleId = useId();
  const chatKey = chatUrl(side, chatId);
  const { mutate } = useSWRConfig();
  const { data: chat, error: chatError } = useSWR<ApiChat>(chatKey, swrFetcher, useLiveOptions());
  const thread = useThread(side, chatId);
  const markClosed = useCallback(() => {
    void mutate<ApiChat>(chatKey, (current) => current && { ...current, is_active: false });
  }, [mutate, chatKey]);
  const outbox = useOutbox(side, chatId, markClosed);
  const announceTyping = useTypingAnnouncer(side, chatId);
  useMarkRead(side, chatId, thread.newest, chat?.unread_count ?? 0);
  const [draft, setDraft] = useState("");
  const [followToken, setFollowToken] = useState(0);
  const composerInput = useRef<HTMLTextAreaElement>(null);
  const replies = useReplyOptions(side, chat, viewerName);

  // The server page always provides the chat; this only satisfies the type.
  if (!chat) return null;

  const ownType = ownSenderType(side);
  const otherName = side === "buyer" ? chat.company.name : chat.buyer.name;
  const backHref = side === "buyer" ? "/inbox" : "/console";
  const here = side === "buyer" ? `/inbox/${chatId}` : `/console/chats/${chatId}`;
  const { lastOwnId, lastSeenId } = receiptIds(thread.messages, ownType);
  const delivered = new Set(
    thread.messages.filter((m) => m.sender_type === ownType).map((m) => m.client_message_id),
  );
  const pending = outbox.items.filter((item) => !delivered.has(item.clientId));
  const lastMessage = thread.messages.at(-1);
  const lastPending = pending.at(-1);
  const latestKey = lastPending
    ? outboxKey(ownType, lastPending.clientId)
    : lastMessage
      ? messageKey(lastMessage)
      : "";

  /**
   * Who wrote it, as the viewer reads it. The console shows which representative wrote each
   * reply (above the first of a run); otherwise the name is there for screen readers only.
   */
  const senderOf = (message: ApiMessage, previous: ApiMessage | undefined) => {
    // The buyer's, typed here or posted for them by a lead (no sender; MessageItem adds "via …").
    if (message.sender_type === "user") {
      return { name: side === "buyer" ? "You" : chat.buyer.name, visible: false };
    }
    if (side === "buyer") return { name: chat.company.name, visible: false };
    // A company key's replies have no person behind them: name the key that sent them.
    const viaKey = !message.sender && message.api_key ? `${message.api_key.name} (API key)` : null;
    const rep = message.sender?.name ?? viaKey ?? chat.company.name;
    const sameAsBefore =
      previous?.sender_type === "company" &&
      previous.sender?.id === message.sender?.id &&
      previous.api_key?.id === message.api_key?.id;
    return { name: message.sender?.id === viewerId ? `${rep} (you)` : rep, visible: !sameAsBefore };
  };

  const send = (content: string) => {
    setDraft("");
    setFollowToken((token) => token + 1);
    void outbox.send(content);
  };

  return (
    <section aria-labelledby={titleId} className={CONVERSATION_FRAME}>
      <ConversationHeader side={side} chat={chat} titleId={titleId} />
      <ConnectionProblem error={thread.error ?? chatError} backHref={backHref} here={here} />
      <MessageThread
        latestKey={latestKey}
        isEmpty={thread.messages.length === 0 && pending.length === 0}
        hasMoreOlder={thread.hasMoreOlder}
        loadingOlder={thread.loadingOlder}
        olderError={thread.olderError}
        onLoadOlder={thread.loadOlder}
        otherName={otherName}
        followToken={followToken}
      >
        {thread.messages.map((message, index) => {
          const own = message.sender_type === ownType;
          return (
            <MessageItem
              key={messageKey(message)}
              content={message.content}
              own={own}
              createdAt={message.created_at}
              sender={senderOf(message, thread.messages[index - 1])}
              listing={message.listing}
              source={message.source}
              status={own ? "sent" : undefined}
              receipt={message.id === lastSeenId ? "Seen" : message.id === lastOwnId ? "Sent" : undefined}
            />
          );
        })}
        {pending.map((item) => {
          return (
            <MessageItem
              key={outboxKey(ownType, item.clientId)}
              content={item.content}
              own
              sender={{ name: "You", visible: false }}
              status={item.status}
              error={item.error}
              onRetry={() => {
                // The Retry button goes away while it sends: keep keyboard focus somewhere useful.
                composerInput.current?.focus();
                outbox.retry(item.clientId);
              }}
            />
          );
        })}
      </MessageThread>
      <NewMessageAnnouncer
        messages={thread.messages}
        incomingType={otherSenderType(side)}
        otherName={otherName}
      />
      {chat.is_active ? (
        <>
          <TypingIndicator chatId={chatId} />
          <Composer
            value={draft}
            onChange={(value) => {
              setDraft(value);
              if (value.trim()) announceTyping();
            }}
            onSend={send}
            inputRef={composerInput}
            replies={replies}
          />
        </>
      ) : (
        <ClosedNotice side={side} companyName={chat.company.name} />
      )}
    </section>
  );
}

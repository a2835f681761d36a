"use client";

import { useEffect, useRef, useState } from "react";
import type { ApiMessage } from "@/lib/api/v1-types";

const PREVIEW_CHARS = 200;

const preview = (content: string) =>
  content.length > PREVIEW_CHARS ? `${content.slice(0, PREVIEW_CHARS)}…` : content;

/**
 * Tells screen-reader users about messages from the other side that arrive while they are on the
 * page, politely. What was already there, older pages loaded by scrolling, and the viewer's own
 * messages are not announced.
 */
export function NewMessageAnnouncer({
  messages,
  incomingType,
  otherName,
}: {
  messages: readonly ApiMessage[];
  incomingType: ApiMessage["sender_type"];
  otherName: string;
}) {
  const [announcement, setAnnouncement] = useState("");
  const seenUpTo = useRef<number | null>(null);
  const latestId = messages.at(-1)?.id ?? 0;

  useEffect(() => {
    if (seenUpTo.current === null) {
      seenUpTo.current = latestId;
      return;
    }
    const since = seenUpTo.current;
    seenUpTo.current = Math.max(since, latestId);
    const fresh = messages.filter((message) => message.id > since && message.sender_type === incomingType);
    const last = fresh.at(-1);
    if (!last) return;
    const from = last.source ? `${otherName} via ${last.source}` : otherName;
    setAnnouncement(
      fresh.length === 1
        ? `New message from ${from}: ${preview(last.content)}`
        : `${fresh.length} new messages from ${otherName}. Latest: ${preview(last.content)}`,
    );
  }, [latestId, messages, incomingType, otherName]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement}
    </div>
  );
}

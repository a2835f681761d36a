"use client";

import type { ApiListingSummary } from "@/lib/api/v1-types";
import { ListingCard } from "../listings/listing-card";
import { ItemName } from "../ui/item-name";
import { LocalTime } from "../ui/local-time";
import { focusRing } from "../ui/styles";

export type DeliveryStatus = "sending" | "sent" | "failed";

// Enough of a message to tell several failed ones apart by their Retry buttons' names.
const EXCERPT_CHARS = 40;

function excerptOf(content: string): string {
  const text = content.replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

type MessageItemProps = {
  content: string;
  /** Written by the viewer's side: shown on the right. */
  own: boolean;
  createdAt?: string;
  /** Who wrote it; `visible: false` keeps it for screen readers and text search only. */
  sender: { name: string; visible: boolean };
  /** The listing the message asks about: its card shows above the text. */
  listing?: ApiListingSummary | null;
  /** Where a lead posted it from: always shown ("via Zillow"), so nobody takes it for typed here. */
  source?: string | null;
  /** Own messages only. */
  status?: DeliveryStatus;
  /** The receipt shown under a sent message: the last one sent, or the last one the other side read. */
  receipt?: "Sent" | "Seen";
  error?: string;
  onRetry?: () => void;
};

/**
 * One message. The content is a React text node: markup, links and scripts in it stay inert text,
 * and nothing is auto-linked. Long words wrap anywhere so a bubble never widens the page.
 */
export function MessageItem({
  content,
  own,
  createdAt,
  sender,
  listing,
  source,
  status,
  receipt,
  error,
  onRetry,
}: MessageItemProps) {
  const statusText =
    status === "sending"
      ? "Sending…"
      : status === "failed"
        ? "Failed"
        : status === "sent"
          ? receipt
          : undefined;
  return (
    <li
      data-testid="message"
      data-status={status}
      className={`flex min-w-0 flex-col ${own ? "items-end" : "items-start"}`}
    >
      <p
        className={
          sender.visible || source
            ? "mb-1 px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400"
            : "sr-only"
        }
      >
        {/* User text may carry bidi overrides (stored as sent): isolated, they stay inside it. */}
        <bdi>{sender.name}</bdi>
        {source && (
          <span data-testid="message-source">
            {" "}
            via <bdi>{source}</bdi>
          </span>
        )}
        <span className="sr-only">:</span>
      </p>
      {listing && (
        <div className="mb-1 w-full max-w-[85%] sm:max-w-sm">
          <ListingCard listing={listing} />
        </div>
      )}
      <div
        className={`max-w-[85%] min-w-0 rounded-2xl px-3.5 py-2 sm:max-w-[70%] ${
          own
            ? "rounded-br-md bg-blue-600 text-white"
            : "rounded-bl-md border border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
        } ${status === "failed" ? "ring-2 ring-red-600 dark:ring-red-400" : ""}`}
      >
        <p dir="auto" className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
          {content}
        </p>
      </div>
      <p className="mt-0.5 flex h-6 items-center gap-2 px-1 text-xs text-zinc-600 dark:text-zinc-400">
        {createdAt && <LocalTime dateTime={createdAt} variant="precise" />}
        {statusText && (
          <span className={status === "failed" ? "font-medium text-red-700 dark:text-red-400" : undefined}>
            {statusText}
          </span>
        )}
        {status === "failed" && onRetry && (
          <button
            type="button"
            onClick={onRetry}
            className={`min-h-6 rounded px-2 font-medium text-blue-700 underline underline-offset-2 hover:bg-blue-50 dark:text-blue-400 dark:hover:bg-zinc-800 ${focusRing}`}
          >
            Retry<ItemName>sending “{excerptOf(content)}”</ItemName>
          </button>
        )}
      </p>
      {status === "failed" && error && (
        <p
          role="alert"
          className="max-w-[85%] px-1 text-right text-xs text-red-700 sm:max-w-[70%] dark:text-red-400"
        >
          {error}
        </p>
      )}
    </li>
  );
}

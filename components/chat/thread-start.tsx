"use client";

import type { ReactNode } from "react";
import { focusRing } from "../ui/styles";

type ThreadStartProps = {
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  isEmpty: boolean;
  otherName: string;
  onLoadOlder: () => void;
};

/**
 * The top of the thread: a way to load older messages (scrolling up does it too; the button is
 * for keyboards), or where the conversation begins. Always the same height, so switching between
 * these states never moves the messages below.
 */
export function ThreadStart({ hasMore, loading, error, isEmpty, otherName, onLoadOlder }: ThreadStartProps) {
  let body: ReactNode;
  if (loading) {
    body = <span>Loading older messages…</span>;
  } else if (error) {
    body = (
      <span className="text-red-700 dark:text-red-400">
        Older messages didn’t load.{" "}
        <button type="button" onClick={onLoadOlder} className={`underline underline-offset-2 ${focusRing}`}>
          Try again
        </button>
      </span>
    );
  } else if (hasMore) {
    body = (
      <button
        type="button"
        onClick={onLoadOlder}
        className={`rounded-md px-2 py-1 text-blue-700 hover:bg-zinc-100 dark:text-blue-400 dark:hover:bg-zinc-800 ${focusRing}`}
      >
        Load older messages
      </button>
    );
  } else {
    body = (
      <span>
        {isEmpty ? "No messages yet." : `This is the start of your conversation with ${otherName}.`}
      </span>
    );
  }
  return (
    <div className="flex h-10 items-center justify-center text-center text-xs text-zinc-600 dark:text-zinc-400">
      {body}
    </div>
  );
}

"use client";

import { type FormEvent, type KeyboardEvent, type RefObject, useId } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/client/chat-urls";
import { useReplyPicker } from "./reply-picker";
import type { ReplyOption } from "./saved-reply-match";

/** The counter appears from here on. */
const COUNTER_FROM = 4500;

type ComposerProps = {
  value: string;
  onChange: (value: string) => void;
  /** Called with the trimmed text, which is never blank nor over the limit. */
  onSend: (content: string) => void;
  /** The textarea, so the conversation can put focus back here (e.g. after Retry). */
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The console's saved replies, filled for this chat; "/" offers them. None: no picker. */
  replies?: readonly ReplyOption[];
};

const NO_REPLIES: readonly ReplyOption[] = [];

const numbers = new Intl.NumberFormat("en-US");

/**
 * The message box: Enter sends, Shift+Enter breaks the line (and Enter while an input method is
 * composing, e.g. Japanese, only confirms the composition). Text is trimmed; blank text and text
 * over 5,000 characters cannot be sent, and a counter appears near the limit. In the console, "/"
 * opens the saved-reply picker (reply-picker.tsx), which takes the keys it needs while open.
 */
export function Composer({ value, onChange, onSend, inputRef, replies = NO_REPLIES }: ComposerProps) {
  const id = useId();
  const picker = useReplyPicker({ id, value, onChange, replies, inputRef });
  const content = value.trim();
  const over = content.length - MAX_MESSAGE_LENGTH;
  const canSend = content.length > 0 && over <= 0;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(content);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(event)) return;
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      onSubmit={submit}
      className="relative border-t border-zinc-200 bg-white px-3 pt-3 pb-2 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {picker.available && picker.listbox}
      <div className="flex items-end gap-2">
        <label htmlFor={`${id}-input`} className="sr-only">
          Message
        </label>
        <textarea
          ref={inputRef}
          id={`${id}-input`}
          name="message"
          rows={1}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            picker.trackCaret(event.target);
          }}
          onSelect={(event) => picker.trackCaret(event.currentTarget)}
          onKeyDown={onKeyDown}
          {...picker.inputProps}
          placeholder="Write a message…"
          enterKeyHint="send"
          aria-invalid={over > 0 ? true : undefined}
          aria-describedby={`${id}-help`}
          className="max-h-40 min-h-11 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3.5 py-2.5 text-zinc-900 [field-sizing:content] placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:aria-invalid:border-red-400"
        />
        <button
          type="submit"
          disabled={!canSend}
          className="h-11 shrink-0 rounded-xl bg-blue-600 px-4 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:bg-zinc-300 disabled:text-zinc-700 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-300"
        >
          Send
        </button>
      </div>
      <p
        id={`${id}-help`}
        className="mt-1 flex h-5 items-center justify-between gap-2 px-1 text-xs text-zinc-600 dark:text-zinc-400"
      >
        <span className="hidden sm:inline">
          Enter to send, Shift+Enter for a new line{picker.available ? ", / for saved replies" : ""}.
        </span>
        {content.length >= COUNTER_FROM && (
          <span
            className={`ml-auto tabular-nums ${over > 0 ? "font-medium text-red-700 dark:text-red-400" : ""}`}
          >
            {over > 0
              ? `${numbers.format(over)} characters over the ${numbers.format(MAX_MESSAGE_LENGTH)} limit`
              : `${numbers.format(content.length)} / ${numbers.format(MAX_MESSAGE_LENGTH)}`}
          </span>
        )}
      </p>
    </form>
  );
}

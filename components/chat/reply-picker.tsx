"use client";

import { type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import { insertReply, matchReplies, type ReplyOption, slashWordAt } from "./saved-reply-match";

type PickerOptions = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  replies: readonly ReplyOption[];
  inputRef: RefObject<HTMLTextAreaElement | null>;
};

/**
 * The console composer's saved-reply picker, as a combobox on the message box: "/" at the start
 * or after whitespace lists the replies matching what follows it; ArrowUp/ArrowDown move, Enter
 * or Tab inserts the reply in place of the slash word, Escape closes it and leaves the text as
 * typed. With no saved replies there is nothing to pick, and the box stays a plain textbox.
 */
export function useReplyPicker({ id, value, onChange, replies, inputRef }: PickerOptions) {
  const listboxId = `${id}-replies`;
  const [caret, setCaret] = useState(value.length);
  // The option moved to, for the query it was moved to under: a new query starts at the top.
  const [active, setActive] = useState({ query: "", index: 0 });
  // The slash word Escape closed, by where it starts: it stays closed while it is being typed.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const caretAfterInsert = useRef<number | null>(null);

  const word = replies.length > 0 ? slashWordAt(value, caret) : null;
  const options = word ? matchReplies(replies, word.query) : [];
  const open = word !== null && options.length > 0 && word.start !== dismissedAt;
  const activeIndex = word && active.query === word.query ? Math.min(active.index, options.length - 1) : 0;
  const optionId = (option: ReplyOption) => `${listboxId}-${option.id}`;
  const activeOption = open ? options[activeIndex] : undefined;

  // The inserted reply replaced the slash word: the caret goes right after it, not to the end.
  useLayoutEffect(() => {
    const at = caretAfterInsert.current;
    if (at === null) return;
    caretAfterInsert.current = null;
    inputRef.current?.setSelectionRange(at, at);
  });

  const activeOptionId = activeOption && optionId(activeOption);
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: "nearest" });
  }, [activeOptionId]);

  const trackCaret = (input: HTMLTextAreaElement) => {
    setCaret(input.selectionStart);
    const now = slashWordAt(input.value, input.selectionStart);
    if (now?.start !== dismissedAt) setDismissedAt(null);
  };

  const insert = (option: ReplyOption) => {
    if (!word) return;
    const next = insertReply(value, word, option.text);
    caretAfterInsert.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
    inputRef.current?.focus();
  };

  /** Handles the key if the picker is open; answers whether it did. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !word || event.nativeEvent.isComposing) return false;
    const move = (by: number) =>
      setActive({ query: word.query, index: (activeIndex + by + options.length) % options.length });
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Escape") setDismissedAt(word.start);
    else if ((event.key === "Enter" && !event.shiftKey) || (event.key === "Tab" && !event.shiftKey)) {
      const chosen = options[activeIndex];
      if (chosen) insert(chosen);
    } else return false;
    event.preventDefault();
    return true;
  };

  const inputProps =
    replies.length > 0
      ? {
          role: "combobox",
          "aria-autocomplete": "list" as const,
          "aria-expanded": open,
          "aria-controls": listboxId,
          "aria-activedescendant": activeOptionId,
        }
      : {};

  const listbox = (
    <div
      id={listboxId}
      role="listbox"
      aria-label="Saved replies"
      hidden={!open}
      className="absolute inset-x-3 bottom-full z-10 mb-1 max-h-64 overflow-y-auto rounded-xl border border-zinc-300 bg-white py-1 shadow-lg sm:inset-x-5 dark:border-zinc-700 dark:bg-zinc-900"
    >
      {open &&
        options.map((option) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (focus stays in the message box, aria-activedescendant points here); the click is for a pointer.
          <div
            key={option.id}
            id={optionId(option)}
            role="option"
            // Focusable by pointer only: the message box keeps focus, so the options never take a Tab stop.
            tabIndex={-1}
            aria-selected={option === activeOption}
            // Keeps focus (and the caret) in the message box when a pointer picks an option.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => insert(option)}
            className="cursor-pointer px-3 py-2 text-sm text-zinc-900 aria-selected:bg-blue-50 aria-selected:text-blue-950 dark:text-zinc-100 dark:aria-selected:bg-blue-950 dark:aria-selected:text-blue-50"
          >
            <span className="block font-semibold">/{option.shortcut}</span>
            <span className="mt-0.5 line-clamp-2 text-zinc-700 dark:text-zinc-300">{option.text}</span>
          </div>
        ))}
    </div>
  );

  return { available: replies.length > 0, inputProps, listbox, onKeyDown, trackCaret };
}

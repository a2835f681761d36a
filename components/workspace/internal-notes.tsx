"use client";

import { useId, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { ApiNote } from "@/lib/api/v1-types";
import { apiFetch, swrFetcher } from "@/lib/client/api";
import { chatNotesUrl } from "@/lib/client/chat-urls";
import { useLiveOptions } from "../chat/live-options";
import { TextArea } from "../ui/fields";
import { LocalTime } from "../ui/local-time";
import { SubmitButton } from "../ui/submit-button";
import { useApiAction } from "../ui/use-api-action";

export type NoteList = { data: ApiNote[] };

/** The server's limit (lib/notes/schemas.ts), repeated so no zod code reaches the browser. */
const MAX_NOTE_LENGTH = 5000;

/**
 * What the representatives tell each other about this chat, oldest first, and a form to add to
 * it. Amber and dashed, unlike any message, and labelled on every note, because a note written
 * in the belief the buyer reads it (or the reverse) is the mistake that matters here. New notes
 * from colleagues arrive with note.created (lib/client/live-events.tsx).
 */
export function InternalNotes({ chatId }: { chatId: number }) {
  const id = useId();
  const url = chatNotesUrl(chatId);
  const { mutate } = useSWRConfig();
  const { data } = useSWR<NoteList>(url, swrFetcher, useLiveOptions());
  const notes = data?.data ?? [];
  const [content, setContent] = useState("");
  const action = useApiAction();

  const add = () =>
    action.run(async () => {
      const note = await apiFetch<ApiNote>(url, { method: "POST", body: { content } });
      await mutate(
        url,
        (current: NoteList | undefined) => ({
          data: [...(current?.data ?? []).filter((other) => other.id !== note.id), note],
        }),
        { revalidate: false },
      );
      setContent("");
    });

  return (
    <div className="space-y-3">
      <p className="text-xs text-amber-900 dark:text-amber-200">Internal note — the buyer never sees this</p>
      {notes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No notes yet.</p>
      ) : (
        <ol aria-label="Internal notes" className="space-y-2">
          {notes.map((note) => (
            <li
              key={note.id}
              data-testid="internal-note"
              className="rounded-md border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
            >
              <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-amber-900 dark:text-amber-200">
                <span>
                  <span className="font-semibold">{note.author?.name ?? "A former representative"}</span> ·
                  Internal note
                </span>
                <LocalTime dateTime={note.created_at} variant="compact" />
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{note.content}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (content.trim()) void add();
        }}
      >
        <TextArea
          id={`${id}-note`}
          label="Internal note"
          hint="For your colleagues only — the buyer never sees this."
          value={content}
          onChange={(event) => setContent(event.target.value)}
          maxLength={MAX_NOTE_LENGTH}
          errors={action.fieldErrors.content}
          required
        />
        <SubmitButton pending={action.pending} pendingLabel="Adding note…">
          Add note
        </SubmitButton>
        {action.notice?.tone === "error" && !action.fieldErrors.content && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {action.notice.text}
          </p>
        )}
      </form>
    </div>
  );
}

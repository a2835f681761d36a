"use client";

import { useId, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { ApiChat } from "@/lib/api/v1-types";
import { apiFetch, swrFetcher } from "@/lib/client/api";
import { chatUrl, isChatListKey } from "@/lib/client/chat-urls";
import type { Representative } from "@/lib/routing/list-representatives";
import { useLiveOptions } from "../chat/live-options";
import { Notice } from "../ui/notice";
import { secondaryButton, selectInput } from "../ui/styles";
import { useApiAction } from "../ui/use-api-action";

const isCountsKey = (key: unknown) =>
  typeof key === "string" && key.startsWith("/api/v1/company/chat-counts");

/**
 * Who answers this chat: "Assign to me", a colleague chosen from the company's representatives,
 * or back to the queue. Reads the chat from its SWR entry (the conversation's own), so an
 * assignment made elsewhere (chat.assigned on the live stream) shows here too. The select is
 * applied with a button, not on change: moving through a closed select with the arrow keys
 * changes it option by option.
 */
export function AssigneeControl({
  chatId,
  viewerId,
  representatives,
}: {
  chatId: number;
  viewerId: number;
  representatives: Representative[];
}) {
  const id = useId();
  const url = chatUrl("company", chatId);
  const { mutate } = useSWRConfig();
  const { data: chat } = useSWR<ApiChat>(url, swrFetcher, useLiveOptions());
  const assignee = chat?.assignee ?? null;
  const [chosen, setChosen] = useState<string>("");
  const action = useApiAction();

  const assign = (assigneeId: number | null) =>
    action.run(async () => {
      const updated = await apiFetch<ApiChat>(url, { method: "PATCH", body: { assignee_id: assigneeId } });
      await mutate(url, updated, { revalidate: false });
      setChosen("");
      void mutate((key) => isChatListKey(key) || isCountsKey(key));
    });

  // An administrator who represents no company of the chat may look, not take it.
  const mayTakeIt = representatives.some((person) => person.id === viewerId);
  const nameOf = (person: Representative) =>
    `${person.name}${person.id === viewerId ? " (you)" : ""}${person.availability === "away" ? " (away)" : ""}`;

  return (
    <div className="space-y-3">
      <p className="text-sm" aria-live="polite">
        {assignee ? (
          <>
            Assigned to <strong>{assignee.id === viewerId ? "you" : assignee.name}</strong>
          </>
        ) : (
          "Unassigned: nobody answers this chat yet."
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {mayTakeIt && assignee?.id !== viewerId && (
          <button
            type="button"
            className={secondaryButton}
            disabled={action.pending}
            onClick={() => void assign(viewerId)}
          >
            Assign to me
          </button>
        )}
        {assignee && (
          <button
            type="button"
            className={secondaryButton}
            disabled={action.pending}
            onClick={() => void assign(null)}
          >
            Unassign
          </button>
        )}
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) void assign(Number(chosen));
        }}
      >
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={`${id}-assignee`} className="block text-sm font-medium">
            Assign to a colleague
          </label>
          <select
            id={`${id}-assignee`}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            className={selectInput}
          >
            <option value="">Choose a representative</option>
            {representatives
              .filter((person) => person.id !== assignee?.id)
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {nameOf(person)}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className={secondaryButton} disabled={action.pending || !chosen}>
          Assign
        </button>
      </form>
      <Notice message={action.notice} />
    </div>
  );
}

"use client";

import useSWR from "swr";
import type { ApiMe } from "@/lib/api/v1-types";
import { apiFetch, swrFetcher } from "@/lib/client/api";
import { Notice } from "../ui/notice";
import { focusRing } from "../ui/styles";
import { useApiAction } from "../ui/use-api-action";

type Availability = ApiMe["availability"];
const ME_URL = "/api/v1/me";

/**
 * The representative's "available for new chats" switch (PATCH /api/v1/me {availability}).
 * Away, routing passes them by; the chats they hold stay theirs, which the hint says, so nobody
 * switches away expecting their chats to move to a colleague.
 */
export function AvailabilityToggle({ initial }: { initial: Availability }) {
  const { data, mutate } = useSWR<Pick<ApiMe, "availability">>(ME_URL, swrFetcher, {
    fallbackData: { availability: initial },
    revalidateOnMount: false,
  });
  const available = (data?.availability ?? initial) === "available";
  const action = useApiAction();

  const toggle = () =>
    action.run(async () => {
      const next: Availability = available ? "away" : "available";
      const me = await apiFetch<ApiMe>(ME_URL, { method: "PATCH", body: { availability: next } });
      await mutate(me, { revalidate: false });
    });

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <div className="flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={available}
          aria-describedby="availability-hint"
          disabled={action.pending}
          onClick={() => void toggle()}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${
            available ? "bg-green-600" : "bg-zinc-400 dark:bg-zinc-600"
          } ${focusRing}`}
        >
          <span className="sr-only">Available for new chats</span>
          <span
            aria-hidden="true"
            className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${
              available ? "translate-x-5" : "translate-x-0.5"
            }`}
          />
        </button>
        <span aria-hidden="true" className="text-sm font-medium">
          {available ? "Available" : "Away"}
        </span>
      </div>
      <p id="availability-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        {available ? "New chats may be assigned to you." : "No new chats come to you; yours stay yours."}
      </p>
      <Notice message={action.notice} />
    </div>
  );
}

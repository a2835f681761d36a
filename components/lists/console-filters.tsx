"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { CompanyChatCounts } from "@/lib/chats/count-company-chats";
import { focusRing, secondaryButton, selectInput } from "../ui/styles";
import { type ConsoleFilterValues, type ConsoleStatus, consoleHref } from "./console-href";

/**
 * Company, "Unread only" and status, kept in the URL (`?company_id=&unread=&is_active=`) so a
 * filtered view can be bookmarked or shared. Each change navigates; the server renders the
 * filtered first page and the counts. Counts follow the other filters: "Unread only (2)" counts
 * within the chosen status, and the status counts within "Unread only" when it is ticked.
 *
 * The controls show the choice at once (local state) while the page for it loads, and follow
 * the URL when it changes otherwise (back and forward). They are never remounted, so keyboard
 * focus stays on the control just used.
 */
export function ConsoleFilters({
  companies,
  allLabel,
  values,
  counts,
}: {
  companies: { id: number; name: string }[];
  allLabel: string;
  values: ConsoleFilterValues;
  counts: CompanyChatCounts;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState(values);
  const [fromUrl, setFromUrl] = useState(values);
  if (consoleHref(fromUrl) !== consoleHref(values)) {
    // The URL changed (a filter applied, or back/forward): show what it says.
    setFromUrl(values);
    setChosen(values);
  }
  const apply = (next: Partial<ConsoleFilterValues>) => {
    const filters = { ...chosen, ...next };
    setChosen(filters);
    startTransition(() => router.push(consoleHref(filters), { scroll: false }));
  };

  const byStatus = (status: "open" | "closed") =>
    chosen.unreadOnly ? counts[status].unread : counts[status].total;
  const statusCounts = { open: byStatus("open"), closed: byStatus("closed") };
  const unreadCount =
    chosen.status === "all" ? counts.open.unread + counts.closed.unread : counts[chosen.status].unread;

  return (
    <form
      action="/console"
      aria-label="Filter chats"
      aria-busy={pending}
      onSubmit={(event) => event.preventDefault()}
      className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,12rem)] sm:items-end dark:border-zinc-800"
    >
      <div className="space-y-1">
        <label htmlFor="console-company" className="block text-sm font-medium">
          Company
        </label>
        <select
          id="console-company"
          name="company_id"
          value={chosen.companyId ?? ""}
          onChange={(event) => apply({ companyId: event.target.value ? Number(event.target.value) : null })}
          className={selectInput}
        >
          <option value="">{allLabel}</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 sm:pb-2">
        <input
          id="console-unread"
          name="unread"
          type="checkbox"
          value="true"
          checked={chosen.unreadOnly}
          onChange={(event) => apply({ unreadOnly: event.target.checked })}
          className={`size-4 rounded border-zinc-300 accent-blue-600 ${focusRing}`}
        />
        <label htmlFor="console-unread" className="text-sm font-medium">
          Unread only <span className="font-normal text-zinc-600 dark:text-zinc-400">({unreadCount})</span>
        </label>
      </div>
      <div className="space-y-1">
        <label htmlFor="console-status" className="block text-sm font-medium">
          Status
        </label>
        <select
          id="console-status"
          name="is_active"
          value={chosen.status}
          onChange={(event) => apply({ status: event.target.value as ConsoleStatus })}
          className={selectInput}
        >
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 sm:col-span-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {pending ? (
            "Updating…"
          ) : (
            <>
              All ({statusCounts.open + statusCounts.closed}) · Open ({statusCounts.open}) · Closed (
              {statusCounts.closed})
            </>
          )}
        </p>
        {/* The tab chosen, kept when the form is sent without JavaScript. */}
        {chosen.assignee !== "all" && <input type="hidden" name="assignee" value={chosen.assignee} />}
        <noscript>
          <button type="submit" className={secondaryButton}>
            Apply filters
          </button>
        </noscript>
      </div>
    </form>
  );
}

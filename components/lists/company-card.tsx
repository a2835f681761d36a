"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ApiChat, ApiCompany } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { DirectoryListings } from "../listings/directory-listings";
import { ItemLabel } from "../ui/item-name";
import { primaryButton, secondaryButton } from "../ui/styles";
import { useApiAction } from "../ui/use-api-action";
import { UnreadBadge } from "./unread-badge";

/**
 * One company in the directory. "Start chat" creates the chat (get-or-create, so a double click
 * or a chat made in another tab meanwhile still lands in the one chat) and opens it; "Open chat"
 * opens the existing one. The heading above already shows the company, so the buttons show the
 * verb and name the company for screen readers and voice control ("Start chat with …").
 */
export function CompanyCard({ company }: { company: ApiCompany }) {
  const router = useRouter();
  const starting = useApiAction();
  const [navigating, startNavigation] = useTransition();
  const busy = starting.pending || navigating;
  const error = starting.notice?.text;
  const headingId = `company-${company.id}-name`;
  const errorId = `company-${company.id}-error`;

  const startChat = () =>
    starting.run(async () => {
      const chat = await apiFetch<ApiChat>("/api/v1/chats", {
        method: "POST",
        body: { company_id: company.id },
      });
      startNavigation(() => router.push(`/inbox/${chat.id}`));
    });

  return (
    <article
      aria-labelledby={headingId}
      className="flex h-full flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id={headingId} className="text-lg font-semibold break-words">
        {company.name}
      </h2>
      <p className="flex-1 text-sm break-words text-zinc-600 dark:text-zinc-400">
        {company.description || "No description yet."}
      </p>
      <DirectoryListings companyName={company.name} listings={company.listings} />
      <div className="flex flex-wrap items-center gap-3">
        {company.chat_id === null ? (
          <button
            type="button"
            onClick={startChat}
            disabled={busy}
            aria-disabled={busy}
            aria-describedby={error ? errorId : undefined}
            className={primaryButton}
          >
            <ItemLabel
              text={busy ? "Starting chat" : "Start chat"}
              item={`with ${company.name}`}
              busy={busy}
            />
          </button>
        ) : (
          // A button, as the pages' tests and the design name it; it only navigates.
          <button
            type="button"
            onClick={() => startNavigation(() => router.push(`/inbox/${company.chat_id}`))}
            onMouseEnter={() => router.prefetch(`/inbox/${company.chat_id}`)}
            onFocus={() => router.prefetch(`/inbox/${company.chat_id}`)}
            disabled={navigating}
            className={secondaryButton}
          >
            <ItemLabel
              text={navigating ? "Opening chat" : "Open chat"}
              item={`with ${company.name}`}
              busy={navigating}
            />
            <UnreadBadge count={company.unread_count} />
          </button>
        )}
      </div>
      <div role="alert" className="-mt-3 not-empty:mt-0">
        {error && (
          <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
    </article>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ApiChat, ApiCompany } from "@/lib/api/v1-types";
import { ApiError, apiFetch } from "@/lib/client/api";
import { primaryButton, secondaryButton } from "./styles";
import { UnreadBadge } from "./unread-badge";

/**
 * One company in the directory. "Start chat" creates the chat (get-or-create, so a double click
 * or a chat made in another tab meanwhile still lands in the one chat) and opens it; "Open chat"
 * opens the existing one.
 */
export function CompanyCard({ company }: { company: ApiCompany }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [navigating, startNavigation] = useTransition();
  const busy = starting || navigating;
  const headingId = `company-${company.id}-name`;
  const errorId = `company-${company.id}-error`;

  async function startChat() {
    setError(null);
    setStarting(true);
    try {
      const chat = await apiFetch<ApiChat>("/api/v1/chats", {
        method: "POST",
        body: { company_id: company.id },
      });
      startNavigation(() => router.push(`/inbox/${chat.id}`));
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? "Your session has ended. Sign in again to start a chat."
          : caught instanceof ApiError
            ? `${caught.message} Try again in a moment.`
            : "The chat could not be started. Try again in a moment.",
      );
    } finally {
      setStarting(false);
    }
  }

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
            {busy ? "Starting…" : "Start chat"}
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
            {navigating ? "Opening…" : "Open chat"}
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

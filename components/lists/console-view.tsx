"use client";

import Link from "next/link";
import { useLayoutEffect } from "react";
import useSWR from "swr";
import type { ApiChat, ApiPage } from "@/lib/api/v1-types";
import type { CompanyChatCounts } from "@/lib/chats/count-company-chats";
import { type ApiError, swrFetcher } from "@/lib/client/api";
import { textLink } from "../ui/styles";
import { ChatList } from "./chat-list";
import { ConsoleFilters } from "./console-filters";
import { type ConsoleFilterValues, consoleHref } from "./console-href";
import { ConsoleTabs } from "./console-tabs";
import { EmptyState } from "./empty-state";
import { LoadMore } from "./load-more";
import { RefreshProblem } from "./refresh-problem";
import { useCursorList } from "./use-cursor-list";
import { useLiveRefresh } from "./use-live-refresh";

type Props = {
  companies: { id: number; name: string }[];
  allLabel: string;
  values: ConsoleFilterValues;
  url: string;
  firstPage: ApiPage<ApiChat>;
  countsUrl: string;
  counts: CompanyChatCounts;
  viewerId: number;
};

/**
 * The console's tabs, filters, counts and chat list, each kept fresh by SWR. The filters stay mounted
 * across filter changes (focus stays put); the list is remounted per URL, so each filtered list
 * starts from the page the server rendered for it.
 */
export function ConsoleView({
  companies,
  allLabel,
  values,
  url,
  firstPage,
  countsUrl,
  counts,
  viewerId,
}: Props) {
  const liveCounts = useSWR<CompanyChatCounts, ApiError>(countsUrl, swrFetcher, {
    fallbackData: counts,
    ...useLiveRefresh(),
  });
  const { mutate } = liveCounts;
  // Counts the server just rendered are the newest there are: before paint, they replace any
  // cached for the same URL on an earlier visit.
  useLayoutEffect(() => {
    void mutate(counts, { revalidate: false });
  }, [counts, mutate]);
  return (
    <div className="space-y-4">
      <ConsoleTabs values={values} counts={liveCounts.data ?? counts} />
      <ConsoleFilters
        companies={companies}
        allLabel={allLabel}
        values={values}
        counts={liveCounts.data ?? counts}
      />
      <ConsoleResults key={url} url={url} firstPage={firstPage} values={values} viewerId={viewerId} />
    </div>
  );
}

function ConsoleResults({
  url,
  firstPage,
  values,
  viewerId,
}: Pick<Props, "url" | "firstPage" | "values" | "viewerId">) {
  const list = useCursorList(url, firstPage);
  const filtered =
    values.companyId !== null || values.unreadOnly || values.status !== "all" || values.assignee !== "all";
  return (
    <>
      <RefreshProblem error={list.error} returnTo={consoleHref(values)} />
      {list.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No chats match these filters">
            <p>
              <Link href="/console" className={textLink}>
                Show all chats
              </Link>{" "}
              or choose other filters above.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No chats yet">
            <p>When a buyer writes to your company, the chat appears here.</p>
          </EmptyState>
        )
      ) : (
        <ChatList chats={list.items} side="company" viewerId={viewerId} label="Chats" />
      )}
      <LoadMore what="chats" hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </>
  );
}

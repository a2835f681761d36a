"use client";

import { useLayoutEffect, useRef, useState } from "react";
import useSWR from "swr";
import type { ApiPage } from "@/lib/api/v1-types";
import { type ApiError, apiFetch } from "@/lib/client/api";
import { withParam } from "@/lib/client/live";
import { useLiveRefresh } from "./use-live-refresh";

type Options = {
  /** Query parameter that carries the next page's cursor (`cursor`, or `after_id` for admin lists). */
  cursorParam?: string;
  /** Poll while visible (default). Off for lists nobody else changes under you. */
  live?: boolean;
  /**
   * While a new `url` loads, keep showing the previous one's items (a search being typed), so
   * rows present in both stay mounted instead of flashing away and back.
   */
  keepPrevious?: boolean;
};

function withoutRepeats<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  const unique: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    unique.push(item);
  }
  return unique;
}

/**
 * A cursor-paginated /api/v1 list kept fresh by SWR under the key `url`, the plain API URL, so
 * anything that revalidates that URL (the live-events client, a conversation marking messages
 * read) refreshes this list. The cached value is every loaded page joined into one page: a
 * refresh reloads them in order, each with the cursor of the page before it as it is now, so a
 * chat that moved to the top is neither lost nor listed twice.
 *
 * The page the server rendered is the fallback, and on mount it also replaces whatever the cache
 * held for `url` from an earlier visit: freshly rendered beats remembered.
 */
export function useCursorList<T extends { id: number }>(
  url: string,
  firstPage: ApiPage<T> | undefined,
  { cursorParam = "cursor", live = true, keepPrevious = false }: Options = {},
) {
  // How many pages the list shows; the fetcher reloads that many.
  const pageCount = useRef(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>(undefined);
  const refresh = useLiveRefresh(live);

  const swr = useSWR<ApiPage<T>, ApiError>(
    url,
    async (key: string) => {
      let page = await apiFetch<ApiPage<T>>(key);
      const items = [...page.data];
      for (let loaded = 1; loaded < pageCount.current && page.next_cursor; loaded++) {
        page = await apiFetch<ApiPage<T>>(withParam(key, cursorParam, page.next_cursor));
        items.push(...page.data);
      }
      return { data: withoutRepeats(items), next_cursor: page.next_cursor };
    },
    { fallbackData: firstPage, keepPreviousData: keepPrevious, ...refresh },
  );
  const { mutate } = swr;

  // Before paint, so a list cached on an earlier visit never flashes over the fresh one. Once
  // per page the server rendered: a search cleared later goes back to the cache, not to it.
  const primed = useRef<ApiPage<T> | undefined>(undefined);
  useLayoutEffect(() => {
    if (!firstPage || primed.current === firstPage) return;
    primed.current = firstPage;
    pageCount.current = 1;
    void mutate(firstPage, { revalidate: false });
  }, [firstPage, mutate]);

  const shown = swr.data ?? firstPage;
  async function loadMore() {
    const base = shown;
    const cursor = base?.next_cursor;
    if (!base || !cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await apiFetch<ApiPage<T>>(withParam(url, cursorParam, cursor));
      pageCount.current += 1;
      await mutate(
        (current) => ({
          data: withoutRepeats([...(current ?? base).data, ...next.data]),
          next_cursor: next.next_cursor,
        }),
        { revalidate: false },
      );
    } catch (error) {
      setMoreError(error as ApiError);
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    items: shown?.data ?? [],
    hasMore: Boolean(shown?.next_cursor),
    /** No page of `url` to show yet (what shows may be the previous url's). */
    isLoading: swr.isLoading && !firstPage,
    isLoadingMore: loadingMore,
    loadMore,
    error: moreError ?? swr.error,
    mutate,
  };
}

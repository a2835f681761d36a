"use client";

import Link from "next/link";
import type { ApiCompany, ApiPage } from "@/lib/api/v1-types";
import { textLink } from "../ui/styles";
import { CompanyCard } from "./company-card";
import { EmptyState } from "./empty-state";
import { LoadMore } from "./load-more";
import { RefreshProblem } from "./refresh-problem";
import { useCursorList } from "./use-cursor-list";

type Props = { url: string; firstPage: ApiPage<ApiCompany>; q: string };

/** Directory results for one search, with "Load more"; unread counts stay fresh. */
export function CompanyDirectory({ url, firstPage, q }: Props) {
  const list = useCursorList(url, firstPage);
  const returnTo = q ? `/companies?q=${encodeURIComponent(q)}` : "/companies";
  return (
    <>
      <RefreshProblem error={list.error} returnTo={returnTo} />
      {list.items.length === 0 ? (
        q ? (
          <EmptyState title={`No companies match “${q}”`}>
            <p>
              Check the spelling or try a shorter word.{" "}
              <Link href="/companies" className={textLink}>
                Clear the search
              </Link>
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No companies yet">
            <p>Companies appear here once an administrator adds them.</p>
          </EmptyState>
        )
      ) : (
        <ul aria-label="Companies" className="grid gap-4 sm:grid-cols-2">
          {list.items.map((company) => (
            <li key={company.id}>
              <CompanyCard company={company} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        what="companies"
        hasMore={list.hasMore}
        loading={list.isLoadingMore}
        onLoadMore={list.loadMore}
      />
    </>
  );
}

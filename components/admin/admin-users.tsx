"use client";

import { useEffect, useState } from "react";
import type { ApiPage, ApiUser } from "@/lib/api/v1-types";
import { withParam } from "@/lib/client/live";
import { EmptyState } from "../lists/empty-state";
import { LoadMore } from "../lists/load-more";
import { RefreshProblem } from "../lists/refresh-problem";
import { useCursorList } from "../lists/use-cursor-list";
import { textInput } from "../ui/styles";
import { COMPANY_GROUPS_LIST } from "./group-membership-control";
import { UserCard } from "./user-card";

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 250;

/** Finds users by email or name and manages what they may do. */
export function AdminUsers({
  firstPage,
  companies,
  viewerId,
}: {
  firstPage: ApiPage<ApiUser>;
  companies: { id: number; name: string }[];
  viewerId: number;
}) {
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const base = `/api/v1/admin/users?limit=${PAGE_SIZE}`;
  const url = query ? withParam(base, "q", query) : base;
  // The server rendered the unfiltered first page; a search starts from nothing.
  const list = useCursorList(url, query ? undefined : firstPage, {
    cursorParam: "after_id",
    live: false,
    keepPrevious: true,
  });

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="find-user" className="block text-sm font-medium">
          Find user
        </label>
        <input
          id="find-user"
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value.slice(0, 100))}
          placeholder="Email or name"
          autoComplete="off"
          aria-describedby="find-user-status"
          className={textInput}
        />
        <p
          id="find-user-status"
          aria-live="polite"
          className="min-h-5 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {list.isLoading || input.trim() !== query
            ? "Searching…"
            : query
              ? `${list.items.length}${list.hasMore ? "+" : ""} found for “${query}”.`
              : ""}
        </p>
      </div>
      <datalist id={COMPANY_GROUPS_LIST}>
        {companies.map((company) => (
          <option key={company.id} value={`company_${company.id}`}>
            {company.name}
          </option>
        ))}
      </datalist>
      <RefreshProblem error={list.error} returnTo="/admin" />
      {!list.isLoading && list.items.length === 0 ? (
        <EmptyState title={query ? `No user matches “${query}”` : "No users yet"}>
          <p>Search by part of an email address or a name. People appear here once they sign up.</p>
        </EmptyState>
      ) : (
        <ul
          aria-label="Users"
          aria-busy={list.isLoading}
          className={`space-y-4 transition-opacity ${list.isLoading ? "opacity-60" : ""}`}
        >
          {list.items.map((user) => (
            <li key={user.id}>
              <UserCard
                user={user}
                companies={companies}
                viewerId={viewerId}
                onChanged={() => list.mutate()}
              />
            </li>
          ))}
        </ul>
      )}
      <LoadMore what="users" hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </div>
  );
}

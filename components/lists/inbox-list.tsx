"use client";

import Link from "next/link";
import type { ApiChat, ApiPage } from "@/lib/api/v1-types";
import { textLink } from "../ui/styles";
import { ChatList } from "./chat-list";
import { EmptyState } from "./empty-state";
import { LoadMore } from "./load-more";
import { RefreshProblem } from "./refresh-problem";
import { useCursorList } from "./use-cursor-list";

type Props = { url: string; firstPage: ApiPage<ApiChat>; viewerId: number };

/** The buyer's chats, newest activity first, kept fresh by SWR. */
export function InboxList({ url, firstPage, viewerId }: Props) {
  const list = useCursorList(url, firstPage);
  return (
    <>
      <RefreshProblem error={list.error} returnTo="/inbox" />
      {list.items.length === 0 ? (
        <EmptyState title="No conversations yet">
          <p>
            <Link href="/companies" className={textLink}>
              Find a company
            </Link>{" "}
            and start a chat; it will appear here with their replies.
          </p>
        </EmptyState>
      ) : (
        <ChatList chats={list.items} side="buyer" viewerId={viewerId} label="Your chats" />
      )}
      <LoadMore what="chats" hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </>
  );
}

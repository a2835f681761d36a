"use client";

import { useMemo } from "react";
import useSWR from "swr";
import type { ApiChat, ApiListing, ApiSavedReplyList } from "@/lib/api/v1-types";
import { swrFetcher } from "@/lib/client/api";
import { type ChatSide, chatListingsUrl, savedRepliesUrl } from "@/lib/client/chat-urls";
import { fillReplyVariables } from "@/lib/saved-replies/fill-variables";
import type { ReplyOption } from "./saved-reply-match";

const NONE: ReplyOption[] = [];

/**
 * The company's saved replies, filled for this chat, for the console composer's "/" picker: the
 * buyer's name as the company sees it, the listing the buyer asked about last (if any), and the
 * signed-in representative's name. The buyer's side asks for nothing and gets none. Both lists
 * arrive with the console page (SWR fallback); the listings stay live through the context panel,
 * which reads the same key.
 */
export function useReplyOptions(
  side: ChatSide,
  chat: ApiChat | undefined,
  viewerName: string,
): ReplyOption[] {
  const company = side === "company" && chat ? chat : null;
  const { data: replies } = useSWR<ApiSavedReplyList>(
    company && savedRepliesUrl(company.company.id),
    swrFetcher,
  );
  const { data: listings } = useSWR<{ data: ApiListing[] }>(
    company && chatListingsUrl(company.id),
    swrFetcher,
  );
  const buyerName = company?.buyer.name ?? "";
  const listingTitle = listings?.data[0]?.title;
  return useMemo(() => {
    if (!replies?.data.length) return NONE;
    const context = {
      buyer: { name: buyerName },
      listing: listingTitle === undefined ? null : { title: listingTitle },
      rep: { name: viewerName },
    };
    return replies.data.map((reply) => ({
      id: reply.id,
      shortcut: reply.shortcut,
      text: fillReplyVariables(reply.content, context),
    }));
  }, [replies, buyerName, listingTitle, viewerName]);
}

"use client";

import { useId } from "react";
import useSWR from "swr";
import type { ApiListing } from "@/lib/api/v1-types";
import { swrFetcher } from "@/lib/client/api";
import { chatListingsUrl } from "@/lib/client/chat-urls";
import { useLiveOptions } from "../chat/live-options";
import { ListingCard } from "./listing-card";

export type ChatListings = { data: ApiListing[] };

/**
 * Part of the console's context beside a conversation (components/workspace): every listing the buyer asked about in it, the
 * most recently asked first. Its first data comes from the server page (SWR fallback); a new
 * question about a listing refetches it (lib/client/live-events.tsx).
 */
export function ChatListingsPanel({ chatId }: { chatId: number }) {
  const headingId = useId();
  const { data } = useSWR<ChatListings>(chatListingsUrl(chatId), swrFetcher, useLiveOptions());
  const listings = data?.data ?? [];
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-base font-semibold">
        Listings asked about
      </h2>
      {listings.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          None yet. When the buyer asks about a home, it shows here.
        </p>
      ) : (
        <ol aria-labelledby={headingId} className="space-y-2">
          {listings.map((listing) => (
            <li key={listing.id}>
              <ListingCard listing={listing} showAddress />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

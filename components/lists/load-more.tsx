"use client";

import type { ReactNode } from "react";
import { ItemLabel } from "../ui/item-name";
import { secondaryButton } from "../ui/styles";

/**
 * "Load more …" under a cursor list; gone when there is nothing more. It says what it loads
 * ("Load more users"), since a page may have several lists; `of` names, for screen readers,
 * whose list it is when the list repeats per item (each endpoint's deliveries).
 */
export function LoadMore({
  what,
  of,
  hasMore,
  loading,
  onLoadMore,
}: {
  what: string;
  of?: ReactNode;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex justify-center">
      <button
        type="button"
        onClick={onLoadMore}
        disabled={loading}
        aria-disabled={loading}
        className={secondaryButton}
      >
        <ItemLabel text={`${loading ? "Loading" : "Load"} more ${what}`} item={of} busy={loading} />
      </button>
    </div>
  );
}

"use client";

import { secondaryButton } from "../ui/styles";

/** "Load more" under a cursor list; gone when there is nothing more. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
}: {
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
        {loading ? "Loading…" : "Load more"}
      </button>
    </div>
  );
}

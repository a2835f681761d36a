import type { ApiListingSummary } from "@/lib/api/v1-types";
import { formatPrice, isOffMarket } from "./listing-format";
import { ListingLink } from "./listing-link";
import { ListingPhoto } from "./listing-photo";
import { ListingStatusBadge } from "./listing-status";

/**
 * A listing as a message, the console's context panel and the directory show it: photo, title,
 * price, status and a link to the listing. A sold or withdrawn listing still shows, dimmed and
 * marked. Text is React text: a title with markup in it stays the characters it is.
 */
export function ListingCard({
  listing,
  showAddress = false,
}: {
  listing: ApiListingSummary;
  showAddress?: boolean;
}) {
  const offMarket = isOffMarket(listing.status);
  return (
    <div
      data-testid="listing-card"
      className="flex w-full min-w-0 gap-3 rounded-xl border border-zinc-200 bg-white p-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <ListingPhoto src={listing.image_url} offMarket={offMarket} className="h-20 w-20 rounded-lg" />
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium break-words">
          <span className="sr-only">Listing: </span>
          <bdi>{listing.title}</bdi>
        </p>
        {showAddress && listing.address && (
          <p className="text-xs break-words text-zinc-600 dark:text-zinc-400">{listing.address}</p>
        )}
        <p className={`text-sm ${offMarket ? "text-zinc-600 dark:text-zinc-400" : ""}`}>
          {formatPrice(listing.price)}
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <ListingStatusBadge status={listing.status} />
          <ListingLink url={listing.url} title={listing.title} />
        </p>
      </div>
    </div>
  );
}

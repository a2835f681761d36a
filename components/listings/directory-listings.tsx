import Link from "next/link";
import type { ApiListingSummary } from "@/lib/api/v1-types";
import { ItemName } from "../ui/item-name";
import { focusRing } from "../ui/styles";
import { formatPrice } from "./listing-format";
import { ListingPhoto } from "./listing-photo";

/**
 * A company's newest active listings in its directory card, each with a way to ask about it
 * (/listings/{id}: the listing and a composer). Each link's name ends with its listing's title,
 * so a screen reader's list of links tells them apart.
 */
export function DirectoryListings({
  companyName,
  listings,
}: {
  companyName: string;
  listings: ApiListingSummary[];
}) {
  if (listings.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-medium">Available homes</h3>
      <ul aria-label={`Available homes of ${companyName}`} className="mt-2 space-y-2">
        {listings.map((listing) => (
          <li key={listing.id} className="flex items-center gap-3">
            <ListingPhoto src={listing.image_url} offMarket={false} className="h-12 w-12 rounded-md" />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium" title={listing.title}>
                <bdi>{listing.title}</bdi>
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{formatPrice(listing.price)}</p>
            </div>
            <Link
              href={`/listings/${listing.id}`}
              className={`shrink-0 rounded text-sm text-blue-700 underline underline-offset-2 dark:text-blue-400 ${focusRing}`}
            >
              Ask about this home<ItemName>“{listing.title}”</ItemName>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

import Link from "next/link";
import type { ApiListing } from "@/lib/api/v1-types";
import { textLink } from "../ui/styles";
import {
  attributeLabel,
  formatAttributeValue,
  formatPrice,
  isOffMarket,
  orderedAttributes,
  STATUS_LABEL,
} from "./listing-format";
import { ListingLink } from "./listing-link";
import { ListingPhoto } from "./listing-photo";
import { ListingStatusBadge } from "./listing-status";

/**
 * The listing as its own page shows it: a large photo, then the company, title, address, price,
 * status and small facts (bedrooms, area…), and the link to the listing on the company's site.
 */
export function ListingDetails({ listing, titleId }: { listing: ApiListing; titleId: string }) {
  const offMarket = isOffMarket(listing.status);
  const facts = orderedAttributes(listing.attributes);
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <ListingPhoto
        src={listing.image_url}
        offMarket={offMarket}
        className="aspect-[4/3] w-full rounded-xl border border-zinc-200 dark:border-zinc-800"
      />
      <div className="min-w-0 space-y-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/companies?q=${encodeURIComponent(listing.company.name)}`} className={textLink}>
            {listing.company.name}
          </Link>
        </p>
        <h1 id={titleId} className="text-2xl font-semibold tracking-tight break-words">
          <bdi>{listing.title}</bdi>
        </h1>
        {listing.address && <p className="break-words text-zinc-700 dark:text-zinc-300">{listing.address}</p>}
        <p className="text-xl font-semibold">{formatPrice(listing.price)}</p>
        <ListingStatusBadge status={listing.status} />
        {offMarket && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {STATUS_LABEL[listing.status]}: this home is no longer on the market. You can still ask the
            company about it, or about similar homes.
          </p>
        )}
        {facts.length > 0 && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-zinc-600 dark:text-zinc-400">{attributeLabel(key)}</dt>
                <dd className="break-words">{formatAttributeValue(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <ListingLink url={listing.url} title={listing.title} />
      </div>
    </div>
  );
}

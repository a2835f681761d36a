import { type ListingStatus, STATUS_LABEL } from "./listing-format";

const LOOK: Record<ListingStatus, string> = {
  active: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  under_offer: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  sold: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  withdrawn: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
};

/** The listing's status in words ("Sold"), never by colour alone. */
export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  return (
    <span
      data-testid="listing-status"
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${LOOK[status]}`}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}

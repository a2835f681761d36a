import { ItemName } from "../ui/item-name";
import { focusRing } from "../ui/styles";
import { webUrlOrNull } from "./listing-format";

/**
 * The listing on the company's or marketplace's own site, in a new tab (the conversation stays
 * open). Its name ends with the listing's title, so several cards in a list tell their links apart.
 * No referrer: the portal need not learn our URLs.
 */
export function ListingLink({ url, title }: { url: string | null; title: string }) {
  const href = webUrlOrNull(url);
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`rounded text-sm text-blue-700 underline underline-offset-2 dark:text-blue-400 ${focusRing}`}
    >
      View listing
      <ItemName>“{title}” (opens in a new tab)</ItemName>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

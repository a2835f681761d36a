import type { Metadata } from "next";
import { AskAboutListing } from "@/components/listings/ask-about-listing";
import { ListingDetails } from "@/components/listings/listing-details";
import { lookUpListing, requireListing } from "@/components/listings/load-listing";

type Params = Promise<{ listingId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await lookUpListing((await params).listingId);
  return { title: found.kind === "ok" ? found.listing.title : "Listing" };
}

/**
 * One listing, for anyone signed in (the marketplace's homes are public to its members; sold and
 * withdrawn ones too, as chats link to them), with a composer that asks the company about it.
 * An unknown id is the 404 page. No loading.tsx: the 404 keeps its real status.
 */
export default async function ListingPage({ params }: { params: Params }) {
  const listing = await requireListing((await params).listingId);
  return (
    <div className="space-y-10">
      <article aria-labelledby="listing-title">
        <ListingDetails listing={listing} titleId="listing-title" />
      </article>
      <section aria-labelledby="ask-title" className="max-w-2xl space-y-3">
        <h2 id="ask-title" className="text-lg font-semibold">
          Ask about this home
        </h2>
        <AskAboutListing listingId={listing.id} company={listing.company} />
      </section>
    </div>
  );
}

"use client";

import { PageError } from "@/components/lists/page-error";

export default function ListingError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="The listing" retry={retry} />;
}

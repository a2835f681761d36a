"use client";

import { PageError } from "@/components/lists/page-error";

export default function CompaniesError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="The companies directory" retry={retry} />;
}

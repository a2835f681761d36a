"use client";

import { PageError } from "@/components/lists/page-error";

export default function AdminError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="The admin pages" retry={retry} />;
}

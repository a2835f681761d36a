"use client";

import { PageError } from "@/components/lists/page-error";

export default function WebhooksError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="The webhook settings" retry={retry} />;
}

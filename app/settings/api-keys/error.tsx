"use client";

import { PageError } from "@/components/lists/page-error";

export default function ApiKeysError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="Your API keys" retry={retry} />;
}

"use client";

import { PageError } from "@/components/lists/page-error";

export default function ConsoleError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="The console" retry={retry} />;
}

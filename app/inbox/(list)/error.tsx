"use client";

import { PageError } from "@/components/lists/page-error";

export default function InboxError({ retry }: { error: unknown; retry: () => void }) {
  return <PageError what="Your chats" retry={retry} />;
}

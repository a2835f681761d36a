"use client";

import { ConversationError } from "@/components/chat/conversation-error";

export default function ConsoleChatError({ retry }: { error: unknown; retry: () => void }) {
  return <ConversationError retry={retry} backHref="/console" backLabel="Back to console" />;
}

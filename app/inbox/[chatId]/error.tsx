"use client";

import { ConversationError } from "@/components/chat/conversation-error";

export default function BuyerChatError({ retry }: { error: unknown; retry: () => void }) {
  return <ConversationError retry={retry} backHref="/inbox" backLabel="Back to inbox" />;
}

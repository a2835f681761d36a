import { CONSOLE_CHAT_GRID } from "@/components/chat/conversation-frame";
import { ConversationSkeleton } from "@/components/chat/conversation-skeleton";

export default function Loading() {
  // The page's grid, so the conversation does not change width when the context panel arrives.
  return (
    <div className={CONSOLE_CHAT_GRID}>
      <ConversationSkeleton />
    </div>
  );
}

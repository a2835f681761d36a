import { ConversationSkeleton } from "@/components/chat/conversation-skeleton";

export default function Loading() {
  return <ConversationSkeleton />;
}

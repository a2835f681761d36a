import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function InboxLoading() {
  return <ListSkeleton label="Loading your chats…" />;
}

import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function WebhooksLoading() {
  return <ListSkeleton label="Loading webhooks…" rows={3} />;
}

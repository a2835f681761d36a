import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function ApiKeysLoading() {
  return <ListSkeleton label="Loading your API keys…" rows={3} />;
}

import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function AdminLoading() {
  return <ListSkeleton label="Loading the admin pages…" rows={4} />;
}

import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function ConsoleLoading() {
  return <ListSkeleton label="Loading the console…" />;
}

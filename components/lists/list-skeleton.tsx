/** Placeholder rows while a list page loads; the same height as the rows that replace them. */
export function ListSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <p className="sr-only" role="status">
        {label}
      </p>
      <div className="h-8 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {Array.from({ length: rows }, (_, index) => `placeholder-${index}`).map((key) => (
          <li key={key} className="space-y-2 px-4 py-3">
            <div className="flex justify-between gap-4">
              <div className="h-4 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
              <div className="h-4 w-12 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            </div>
            <div className="h-4 w-3/4 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
          </li>
        ))}
      </ul>
    </div>
  );
}

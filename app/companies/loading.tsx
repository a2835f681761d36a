export default function CompaniesLoading() {
  return (
    <div aria-busy="true" className="space-y-6">
      <p className="sr-only" role="status">
        Loading companies…
      </p>
      <div className="h-8 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-10 w-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
      <div className="grid gap-4 sm:grid-cols-2">
        {["a", "b", "c", "d"].map((key) => (
          <div
            key={key}
            className="h-40 animate-pulse rounded-lg border border-zinc-200 dark:border-zinc-800"
          />
        ))}
      </div>
    </div>
  );
}

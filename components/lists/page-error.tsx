"use client";

import { secondaryButton } from "../ui/styles";

/** The body of an error.tsx: what happened, and what to do about it. */
export function PageError({ what, retry }: { what: string; retry: () => void }) {
  return (
    <section className="max-w-xl space-y-4" aria-labelledby="page-error-title">
      <h1 id="page-error-title" className="text-2xl font-semibold">
        {what} could not be loaded
      </h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side or on the way. Check your connection and try again; if it keeps
        happening, reload the page in a minute.
      </p>
      <button type="button" onClick={retry} className={secondaryButton}>
        Try again
      </button>
    </section>
  );
}

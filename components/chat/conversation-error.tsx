"use client";

import Link from "next/link";

/** error.tsx of both conversation pages: what happened, and two ways on. (The server logged the details.) */
export function ConversationError({
  retry,
  backHref,
  backLabel,
}: {
  retry: () => void;
  backHref: string;
  backLabel: string;
}) {
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">This conversation didn’t load</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side or with the connection. Your messages are safe. Try again in a
        moment; if it keeps happening, go back and open the chat again.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={retry}
          className="rounded-md bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Try again
        </button>
        <Link href={backHref} className="text-blue-700 underline underline-offset-4 dark:text-blue-400">
          {backLabel}
        </Link>
      </div>
    </section>
  );
}

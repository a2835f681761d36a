import Link from "next/link";
import { getPageActor } from "@/lib/http/page-actor";

export default async function HomePage() {
  const actor = await getPageActor();
  return (
    <section className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Ask the agency, not the void.</h1>
      <p className="text-lg text-zinc-600 dark:text-zinc-400">
        Estate Chat connects home buyers with real-estate companies. Start a conversation with any company on
        the marketplace; their representatives answer from their console, and you see replies as they arrive.
      </p>
      {actor ? (
        <div className="space-y-4">
          <p className="text-zinc-700 dark:text-zinc-300">Welcome back, {actor.name}.</p>
          {/* Named unlike the header's links, so each name on the page leads to one place. */}
          <div className="flex flex-wrap gap-3">
            <Link
              href="/companies"
              className="rounded-md bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              Find a company
            </Link>
            <Link
              href="/inbox"
              className="rounded-md border border-zinc-300 px-4 py-2 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Read your conversations
            </Link>
            {(actor.isAdmin || actor.companyIds.length > 0) && (
              <Link
                href="/console"
                className="rounded-md border border-zinc-300 px-4 py-2 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                Answer buyers
              </Link>
            )}
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Link
            href="/register"
            className="rounded-md bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700"
          >
            Create an account
          </Link>
          <Link
            href="/login"
            className="rounded-md border border-zinc-300 px-4 py-2 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Sign in
          </Link>
        </div>
      )}
    </section>
  );
}

import Link from "next/link";
import { auth } from "@/auth";

export default async function HomePage() {
  const session = await auth();
  return (
    <section className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Ask the agency, not the void.</h1>
      <p className="text-lg text-zinc-600 dark:text-zinc-400">
        Estate Chat connects home buyers with real-estate companies. Start a conversation with any company on
        the marketplace; their representatives answer from their console, and you see replies as they arrive.
      </p>
      {session?.user ? (
        <p className="text-zinc-700 dark:text-zinc-300">Welcome back, {session.user.name}.</p>
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

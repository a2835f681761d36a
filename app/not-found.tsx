import Link from "next/link";

export default function NotFound() {
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        There is nothing at this address, or it is not yours to see.
      </p>
      <Link href="/" className="text-blue-700 underline underline-offset-4 dark:text-blue-400">
        Back to the start
      </Link>
    </section>
  );
}

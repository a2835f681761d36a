import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { LoginForm } from "./login-form";
import { safeRedirectPath } from "./redirect-path";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const next = safeRedirectPath(callbackUrl);
  if (await auth()) redirect(next);
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {/* Auth.js sends failed sign-ins made outside this form (e.g. its own endpoint) back here. */}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The email or password is not correct.
        </p>
      )}
      <LoginForm callbackUrl={next} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href="/register" className="text-blue-700 underline underline-offset-4 dark:text-blue-400">
          Create an account
        </Link>
      </p>
    </section>
  );
}

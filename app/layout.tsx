import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LiveStatusNote } from "@/components/nav/live-status-note";
import { SiteHeader } from "@/components/nav/site-header";
import { LiveEventsProvider } from "@/lib/client/live-events";
import { getPageActor } from "@/lib/http/page-actor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Estate Chat", template: "%s · Estate Chat" },
  description: "Talk to real-estate companies, and answer buyers, in one place.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // One event stream per signed-in tab; signed-out pages have nothing to stream.
  const signedIn = (await getPageActor()) !== null;
  const page = (
    <>
      <SiteHeader />
      {signedIn && <LiveStatusNote />}
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        {children}
      </main>
    </>
  );
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          Skip to content
        </a>
        {signedIn ? <LiveEventsProvider>{page}</LiveEventsProvider> : page}
      </body>
    </html>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import useSWR from "swr";
import { swrFetcher } from "@/lib/client/api";
import { pauseLiveRefresh, resumeLiveRefresh } from "@/lib/client/live";
import { UnreadBadge } from "../lists/unread-badge";
import { useLiveRefresh } from "../lists/use-live-refresh";
import { ConsoleLinks } from "./console-links";
import { currentFor, NavLink } from "./nav-link";

type UnreadTotals = { total: number; chats: number };
/** The answer of GET /api/v1/unread-count. */
type UnreadCounts = { buyer: UnreadTotals; company: UnreadTotals };

type Props = {
  user: { name: string; email: string };
  isAdmin: boolean;
  representsAny: boolean;
  companies: { id: number; name: string }[];
  unread: UnreadCounts;
  signOut: () => Promise<void>;
};

/**
 * The signed-in navigation: inline on wide screens, behind a "Menu" button on phones. The menu
 * closes on Escape (focus goes back to the button), on a click outside, and on navigation.
 */
export function MainNav({ user, isAdmin, representsAny, companies, unread, signOut }: Props) {
  const pathname = usePathname();
  // Open "on" a path: navigating anywhere else closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { data, mutate } = useSWR<UnreadCounts>("/api/v1/unread-count", swrFetcher, {
    fallbackData: unread,
    ...useLiveRefresh(),
  });
  // Totals the server just rendered (a full load, or after signing in) are the newest there are.
  useLayoutEffect(() => {
    void mutate(unread, { revalidate: false });
  }, [unread, mutate]);
  const counts = data ?? unread;
  const anyUnread = counts.buyer.total + (representsAny ? counts.company.total : 0) > 0;
  const close = () => setOpenOn(null);

  useEffect(resumeLiveRefresh, []);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  return (
    <nav
      ref={navRef}
      aria-label="Main"
      className="flex items-center"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          close();
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="relative inline-flex items-center gap-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 md:hidden dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          {open ? (
            <path d="M5.3 4.2 10 8.9l4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7z" />
          ) : (
            <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
          )}
        </svg>
        Menu
        {anyUnread && (
          <span className="absolute -top-1 -right-1 size-2.5 rounded-full bg-blue-600">
            <span className="sr-only">(unread messages)</span>
          </span>
        )}
      </button>
      <div
        id="main-menu"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 flex-col gap-4 border-b border-zinc-200 bg-white px-4 py-4 shadow-lg md:static md:flex md:flex-row md:items-center md:gap-4 md:border-0 md:bg-transparent md:p-0 md:shadow-none dark:border-zinc-800 dark:bg-zinc-950 md:dark:bg-transparent`}
      >
        <ul className="flex flex-col gap-1 md:flex-row md:items-center">
          <li>
            <NavLink href="/companies" current={currentFor(pathname, "/companies")} onNavigate={close}>
              Companies
            </NavLink>
          </li>
          <li>
            <NavLink href="/inbox" current={currentFor(pathname, "/inbox")} onNavigate={close}>
              My chats
              <UnreadBadge count={counts.buyer.total} />
            </NavLink>
          </li>
          {representsAny && (
            <ConsoleLinks
              isAdmin={isAdmin}
              companies={companies}
              unread={counts.company.total}
              onNavigate={close}
            />
          )}
          {isAdmin && (
            <li>
              <NavLink href="/admin" current={currentFor(pathname, "/admin")} onNavigate={close}>
                Admin
              </NavLink>
            </li>
          )}
          <li>
            <NavLink href="/settings" current={currentFor(pathname, "/settings")} onNavigate={close}>
              Settings
            </NavLink>
          </li>
        </ul>
        <div className="flex items-center justify-between gap-3 border-t border-zinc-200 pt-4 md:border-0 md:pt-0 dark:border-zinc-800">
          <p className="min-w-0 text-sm">
            <span className="sr-only">Signed in as </span>
            <span className="block truncate font-medium md:max-w-40" title={user.email}>
              {user.name}
            </span>
            <span className="block truncate text-xs text-zinc-500 md:hidden dark:text-zinc-400">
              {user.email}
            </span>
          </p>
          <form action={signOut} onSubmit={pauseLiveRefresh}>
            <button
              type="submit"
              className="shrink-0 rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </nav>
  );
}

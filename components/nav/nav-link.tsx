import Link from "next/link";
import type { ReactNode } from "react";

export type Current = "page" | "true" | undefined;

/**
 * `aria-current` for a section link: "page" on the page itself, "true" inside the section
 * (a conversation under "My chats"), so screen readers say where the user is.
 */
export function currentFor(pathname: string, href: string): Current {
  const path = href.split("?")[0] ?? href;
  if (pathname === path) return "page";
  return pathname.startsWith(`${path}/`) ? "true" : undefined;
}

export function NavLink({
  href,
  current,
  onNavigate,
  children,
  className = "",
}: {
  href: string;
  current: Current;
  onNavigate?: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={href}
      aria-current={current}
      onClick={onNavigate}
      className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-[current]:bg-zinc-100 aria-[current]:text-zinc-900 md:py-1.5 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current]:bg-zinc-800 dark:aria-[current]:text-zinc-100 ${className}`}
    >
      {children}
    </Link>
  );
}

"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";
import { UnreadBadge } from "../lists/unread-badge";
import { currentFor, NavLink } from "./nav-link";

type Props = {
  isAdmin: boolean;
  companies: { id: number; name: string }[];
  unread: number;
  onNavigate: () => void;
};

/**
 * "Console" in the header. Admins get one console for every company. A representative gets it
 * for their company, or, with several companies, a switch listing each company's console (a
 * dropdown on wide screens, indented links in the phone menu).
 */
export function ConsoleLinks(props: Props) {
  // useSearchParams needs a Suspense boundary; the fallback is the same links, just without
  // marking which company is current.
  return (
    <Suspense fallback={<ConsoleLinksView {...props} companyParam={null} />}>
      <ConsoleLinksWithParams {...props} />
    </Suspense>
  );
}

function ConsoleLinksWithParams(props: Props) {
  const companyParam = useSearchParams().get("company_id");
  return <ConsoleLinksView {...props} companyParam={companyParam} />;
}

function ConsoleLinksView({
  isAdmin,
  companies,
  unread,
  onNavigate,
  companyParam,
}: Props & { companyParam: string | null }) {
  const pathname = usePathname();
  const [switchOpenOn, setSwitchOpenOn] = useState<string | null>(null);
  const switchOpen = switchOpenOn === pathname;
  const onConsole = pathname === "/console";
  const single = !isAdmin && companies.length === 1 ? companies[0] : undefined;
  const badge = <UnreadBadge count={unread} />;

  if (isAdmin || single || companies.length === 0) {
    return (
      <li>
        <NavLink
          href={single ? `/console?company_id=${single.id}` : "/console"}
          current={currentFor(pathname, "/console")}
          onNavigate={onNavigate}
        >
          Console
          {badge}
        </NavLink>
      </li>
    );
  }

  const close = () => {
    setSwitchOpenOn(null);
    onNavigate();
  };
  return (
    <li
      className="relative md:flex md:items-center"
      onKeyDown={(event) => {
        if (event.key === "Escape" && switchOpen) {
          event.stopPropagation();
          setSwitchOpenOn(null);
          document.getElementById("console-switch-button")?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setSwitchOpenOn(null);
      }}
    >
      <NavLink
        href="/console"
        current={onConsole && !companyParam ? "page" : currentFor(pathname, "/console") ? "true" : undefined}
        onNavigate={close}
      >
        Console
        {badge}
      </NavLink>
      <button
        id="console-switch-button"
        type="button"
        aria-expanded={switchOpen}
        aria-controls="console-switch"
        onClick={() => setSwitchOpenOn(switchOpen ? null : pathname)}
        className="hidden rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 md:inline-flex dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        <span className="sr-only">Switch company console</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </button>
      <ul
        id="console-switch"
        aria-label="Consoles"
        className={`ml-4 border-l border-zinc-200 pl-2 md:absolute md:top-full md:right-0 md:z-30 md:mt-2 md:ml-0 md:w-60 md:rounded-md md:border md:bg-white md:p-1 md:shadow-lg dark:border-zinc-800 md:dark:bg-zinc-900 ${
          switchOpen ? "md:block" : "md:hidden"
        }`}
      >
        {companies.map((company) => (
          <li key={company.id}>
            <NavLink
              href={`/console?company_id=${company.id}`}
              current={onConsole && companyParam === String(company.id) ? "page" : undefined}
              onNavigate={close}
              className="font-normal"
            >
              {company.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

"use client";

import Link from "next/link";
import type { CompanyChatCounts } from "@/lib/chats/count-company-chats";
import { focusRing } from "../ui/styles";
import { type ConsoleAssignee, type ConsoleFilterValues, consoleHref } from "./console-href";

const TABS: { assignee: ConsoleAssignee; label: string }[] = [
  { assignee: "me", label: "Mine" },
  { assignee: "none", label: "Unassigned" },
  { assignee: "all", label: "All" },
];

/**
 * "Mine", "Unassigned" and "All": links (`?assignee=me|none`), so a tab can be bookmarked and
 * opened in a new window, keeping the other filters. Each counts open chats, the work waiting,
 * and the counts follow the live stream (chat.assigned refetches them).
 */
export function ConsoleTabs({ values, counts }: { values: ConsoleFilterValues; counts: CompanyChatCounts }) {
  const openCount = { me: counts.mine, none: counts.unassigned, all: counts.open.total };
  return (
    <nav aria-label="Whose chats">
      <ul className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map(({ assignee, label }) => {
          const current = values.assignee === assignee;
          return (
            <li key={assignee}>
              <Link
                href={consoleHref({ ...values, assignee })}
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-flex items-baseline gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-blue-600 text-blue-700 dark:text-blue-400"
                    : "border-transparent text-zinc-700 hover:border-zinc-300 dark:text-zinc-300"
                } ${focusRing}`}
              >
                {label}{" "}
                <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                  {openCount[assignee]} open
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import type { ApiChat } from "@/lib/api/v1-types";
import type { ChatSide } from "@/lib/client/chat-urls";
import { focusRing } from "../ui/styles";
import { ChatStatusToggle } from "./chat-status-toggle";

function StateBadge({ active }: { active: boolean }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${
        active
          ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200"
          : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
      }`}
    >
      {active ? "Open" : "Closed"}
    </span>
  );
}

/**
 * The buyer sees the company; the console sees the buyer (name and email), which company the
 * chat belongs to, and the close / reopen control.
 */
export function ConversationHeader({
  side,
  chat,
  titleId,
}: {
  side: ChatSide;
  chat: ApiChat;
  titleId: string;
}) {
  const back =
    side === "buyer"
      ? { href: "/inbox", label: "Back to inbox" }
      : { href: "/console", label: "Back to console" };
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-zinc-200 bg-white px-3 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="min-w-0 flex-1">
        <Link
          href={back.href}
          className={`inline-flex items-center gap-1 rounded text-sm text-blue-700 underline-offset-4 hover:underline dark:text-blue-400 ${focusRing}`}
        >
          <span aria-hidden="true">←</span>
          {back.label}
        </Link>
        <div className="mt-1 flex min-w-0 items-center gap-2">
          <h1 id={titleId} className="truncate text-lg font-semibold sm:text-xl">
            {side === "buyer" ? chat.company.name : chat.buyer.name}
          </h1>
          <StateBadge active={chat.is_active} />
        </div>
        {side === "company" && (
          <p className="mt-0.5 text-sm text-zinc-600 [overflow-wrap:anywhere] dark:text-zinc-400">
            {chat.buyer.email && <span>{chat.buyer.email}</span>}
            {chat.buyer.email && <span aria-hidden="true"> · </span>}
            <span>
              <span className="sr-only">Company: </span>
              {chat.company.name}
            </span>
          </p>
        )}
      </div>
      {side === "company" && <ChatStatusToggle chat={chat} />}
    </header>
  );
}

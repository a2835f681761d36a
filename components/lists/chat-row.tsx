import Link from "next/link";
import type { ApiChat } from "@/lib/api/v1-types";
import { LocalTime } from "../ui/local-time";
import { UnreadBadge } from "./unread-badge";

// Enough for one line on the widest screen; content can be 5,000 characters.
const PREVIEW_CHARS = 160;

/** The last message as one line of plain text, said from the viewer's side. */
function previewOf(chat: ApiChat, side: "buyer" | "company", viewerId: number): string {
  const message = chat.last_message;
  if (!message) return "No messages yet";
  const text = message.content.replace(/\s+/g, " ").trim().slice(0, PREVIEW_CHARS);
  const ownSide = side === "buyer" ? "user" : "company";
  // A lead posted it for the buyer: say where from, so it is not taken for typed here.
  if (message.source)
    return `${message.sender_type === ownSide ? "You via" : "Via"} ${message.source}: ${text}`;
  if (message.sender_type !== ownSide) return text;
  if (message.sender?.id === viewerId) return `You: ${text}`;
  // Another representative of the company answered.
  return message.sender ? `${message.sender.name}: ${text}` : text;
}

/** Who answers the chat, said from the viewer's side; nothing where the chat carries no assignee. */
function assigneeOf(chat: ApiChat, viewerId: number): string | null {
  if (chat.assignee === undefined) return null;
  if (chat.assignee === null) return "Unassigned";
  return chat.assignee.id === viewerId ? "Assigned to you" : `Assigned to ${chat.assignee.name}`;
}

/**
 * One chat in the inbox (titled by company) or the console (titled by buyer, with the company
 * under it). The whole row is one link whose name starts with that title; text is plain, so
 * markup in a message shows as the characters it is.
 */
export function ChatRow({
  chat,
  side,
  viewerId,
  showCompany = false,
}: {
  chat: ApiChat;
  side: "buyer" | "company";
  viewerId: number;
  showCompany?: boolean;
}) {
  const title = side === "buyer" ? chat.company.name : chat.buyer.name;
  const href = side === "buyer" ? `/inbox/${chat.id}` : `/console/chats/${chat.id}`;
  const unread = chat.unread_count > 0;
  const at = chat.last_message?.created_at ?? chat.updated_at;
  // The console's "All" tab mixes everyone's chats: each row says whose it is.
  const assignee = side === "company" ? assigneeOf(chat, viewerId) : null;
  const context = [showCompany ? chat.company.name : null, assignee].filter(Boolean).join(" · ");
  return (
    <li>
      <Link
        href={href}
        className="block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-900"
      >
        <span className="flex items-baseline justify-between gap-3">
          <span className={`min-w-0 truncate ${unread ? "font-semibold" : "font-medium"}`}>{title}</span>
          <LocalTime dateTime={at} variant="compact" className="text-xs text-zinc-500 dark:text-zinc-400" />
        </span>
        {context && (
          <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{context}</span>
        )}
        <span className="mt-1 flex items-center gap-2">
          <span
            className={`min-w-0 flex-1 truncate text-sm ${
              unread ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-600 dark:text-zinc-400"
            } ${chat.last_message ? "" : "italic"}`}
          >
            {previewOf(chat, side, viewerId)}
          </span>
          {!chat.is_active && (
            <span className="shrink-0 rounded border border-zinc-300 px-1.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              Closed
            </span>
          )}
          <UnreadBadge count={chat.unread_count} />
        </span>
      </Link>
    </li>
  );
}

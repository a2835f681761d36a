import type { ApiChat } from "@/lib/api/v1-types";
import { ChatRow } from "./chat-row";

/** A list of chat rows in a bordered box. */
export function ChatList({
  chats,
  side,
  viewerId,
  label,
}: {
  chats: ApiChat[];
  side: "buyer" | "company";
  viewerId: number;
  label: string;
}) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {chats.map((chat) => (
        <ChatRow key={chat.id} chat={chat} side={side} viewerId={viewerId} showCompany={side === "company"} />
      ))}
    </ul>
  );
}

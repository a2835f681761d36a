import type { ChatSide } from "@/lib/client/chat-urls";

/** Stands where the composer was while the chat is closed, and says why nothing can be sent. */
export function ClosedNotice({ side, companyName }: { side: ChatSide; companyName: string }) {
  return (
    <div className="border-t border-zinc-200 bg-white px-3 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950">
      <p
        role="status"
        className="flex min-h-11 items-center rounded-xl border border-amber-300 bg-amber-50 px-3.5 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        {side === "buyer"
          ? `This chat was closed by ${companyName}. You can read it, but new messages can’t be sent until they reopen it.`
          : "You closed this chat. Reopen it to reply."}
      </p>
      <div aria-hidden="true" className="mt-1 h-5" />
    </div>
  );
}

import { CONVERSATION_FRAME } from "./conversation-frame";

const bar = "rounded-md bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800";
const BUBBLES = [
  { own: false, width: "w-2/3" },
  { own: true, width: "w-1/2" },
  { own: false, width: "w-3/5" },
  { own: true, width: "w-1/3" },
] as const;

/** The conversation's shape while the server loads it (loading.tsx of both conversation pages). */
export function ConversationSkeleton() {
  return (
    <div className={CONVERSATION_FRAME} aria-busy="true">
      <p role="status" className="sr-only">
        Loading the conversation…
      </p>
      <div className="border-b border-zinc-200 bg-white px-3 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950">
        <div className={`h-4 w-28 ${bar}`} />
        <div className={`mt-2 h-6 w-48 ${bar}`} />
      </div>
      <div className="flex flex-1 flex-col justify-end gap-4 bg-zinc-50 px-3 py-4 sm:px-5 dark:bg-zinc-900">
        {BUBBLES.map((bubble) => (
          <div
            key={`${bubble.own}-${bubble.width}`}
            className={`flex ${bubble.own ? "justify-end" : "justify-start"}`}
          >
            <div className={`h-10 max-w-[70%] rounded-2xl ${bubble.width} ${bar}`} />
          </div>
        ))}
      </div>
      <div className="border-t border-zinc-200 bg-white px-3 pt-3 pb-8 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950">
        <div className={`h-11 rounded-xl ${bar}`} />
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { InboxList } from "@/components/lists/inbox-list";
import { ChatSchema, pageOf } from "@/lib/api/v1-schemas";
import { toChat } from "@/lib/api/v1-serialize";
import { listChats } from "@/lib/chats/list-chats";
import { requirePageActor } from "@/lib/http/page-actor";

export const metadata: Metadata = { title: "My chats" };

const PAGE_SIZE = 20;

// In a route group so that this list's loading.tsx and error.tsx do not wrap /inbox/{chatId}.
export default async function InboxPage() {
  const actor = await requirePageActor("/inbox");
  const page = await listChats(actor, "buyer", { limit: PAGE_SIZE });
  // The same shape the API answers, so the client's SWR revalidations replace it like for like.
  const firstPage = pageOf(ChatSchema).parse({
    data: page.items.map((chat) => toChat(chat, "buyer")),
    next_cursor: page.nextCursor,
  });
  return (
    <section aria-labelledby="inbox-title" className="space-y-6">
      <div>
        <h1 id="inbox-title" className="text-2xl font-semibold tracking-tight">
          My chats
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Your conversations with companies, most recent first.
        </p>
      </div>
      <InboxList url={`/api/v1/chats?limit=${PAGE_SIZE}`} firstPage={firstPage} viewerId={actor.userId} />
    </section>
  );
}

import type { ReactNode } from "react";
import type { Representative } from "@/lib/routing/list-representatives";
import { ChatListingsPanel } from "../listings/chat-listings-panel";
import { AssigneeControl } from "./assignee-control";
import { InternalNotes } from "./internal-notes";

/**
 * The console's context beside a conversation: who answers it, the representatives' notes, and
 * the listings the buyer asked about. Beside the conversation on a wide screen (scrolling on its
 * own), below it on a phone.
 */
export function ChatContextPanel({
  chatId,
  viewerId,
  representatives,
}: {
  chatId: number;
  viewerId: number;
  representatives: Representative[];
}) {
  return (
    <div className="mt-10 space-y-8 sm:mt-6 lg:mt-0 lg:max-h-[calc(100dvh-9rem)] lg:overflow-y-auto lg:pr-1">
      <PanelSection title="Assignee">
        <AssigneeControl chatId={chatId} viewerId={viewerId} representatives={representatives} />
      </PanelSection>
      <PanelSection title="Internal notes">
        <InternalNotes chatId={chatId} />
      </PanelSection>
      <ChatListingsPanel chatId={chatId} />
    </div>
  );
}

function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

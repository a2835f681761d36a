import type { ComponentProps, ReactNode } from "react";
import { ChatListingsPanel } from "../listings/chat-listings-panel";
import { AssigneeControl } from "./assignee-control";
import { InternalNotes } from "./internal-notes";

/**
 * The console's context beside a conversation: who answers it, the representatives' notes, and
 * the listings the buyer asked about. Beside the conversation on a wide screen (scrolling on its
 * own), below it on a phone.
 */
export function ChatContextPanel(props: ComponentProps<typeof AssigneeControl>) {
  return (
    <div className="mt-10 space-y-8 sm:mt-6 lg:mt-0 lg:max-h-[calc(100dvh-9rem)] lg:overflow-y-auto lg:pr-1">
      <PanelSection title="Assignee">
        <AssigneeControl {...props} />
      </PanelSection>
      <PanelSection title="Internal notes">
        <InternalNotes chatId={props.chatId} />
      </PanelSection>
      <ChatListingsPanel chatId={props.chatId} />
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

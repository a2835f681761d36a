"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import type { ApiChat } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { MAX_MESSAGE_LENGTH } from "@/lib/client/chat-urls";
import { newClientMessageId } from "../chat/client-id";
import { TextArea } from "../ui/fields";
import { Notice } from "../ui/notice";
import { SubmitButton } from "../ui/submit-button";
import { useApiAction } from "../ui/use-api-action";

/**
 * "Ask about this home": starts or continues the buyer's one chat with the company
 * (POST /api/v1/chats with the listing, so the question carries its card), then opens it.
 * The send's client id stays the same until the text changes, so a second click, or a retry
 * after an answer that never arrived, cannot post the question twice.
 */
export function AskAboutListing({
  listingId,
  company,
}: {
  listingId: number;
  company: { id: number; name: string };
}) {
  const router = useRouter();
  const asking = useApiAction();
  const [navigating, startNavigation] = useTransition();
  const [text, setText] = useState("");
  const clientId = useRef<string | null>(null);
  const busy = asking.pending || navigating;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const content = text.trim();
    if (!content) return asking.reject({ content: ["Write your question first."] });
    if (content.length > MAX_MESSAGE_LENGTH) {
      return asking.reject({
        content: [`At most ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} characters.`],
      });
    }
    clientId.current ??= newClientMessageId();
    const body = {
      company_id: company.id,
      listing_id: listingId,
      content,
      client_message_id: clientId.current,
    };
    void asking.run(async () => {
      const chat = await apiFetch<ApiChat>("/api/v1/chats", { method: "POST", body });
      startNavigation(() => router.push(`/inbox/${chat.id}`));
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextArea
        id="listing-question"
        label="Your question"
        hint={`${company.name}'s representatives see this home with your question; their answer arrives in My chats.`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          clientId.current = null;
        }}
        rows={4}
        placeholder="Is it still available? When could I see it?"
        errors={asking.fieldErrors.content}
      />
      <Notice message={asking.notice} />
      <SubmitButton pending={busy} pendingLabel="Sending…">
        Send question
      </SubmitButton>
    </form>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { TextField } from "../../ui/fields";
import { Notice } from "../../ui/notice";
import { SubmitButton } from "../../ui/submit-button";
import { useApiAction } from "../../ui/use-api-action";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretReveal } from "./secret-reveal";
import type { ApiWebhookEndpointWithSecret } from "./types";

/** Registers an endpoint and shows its secret, once. */
export function EndpointCreateForm({ companyId, onCreated }: { companyId: number; onCreated: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [eventTypes, setEventTypes] = useState<string[]>(["message.created", "chat.created"]);
  const [secret, setSecret] = useState<string | null>(null);
  const action = useApiAction();
  const { fieldErrors } = action;

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void action.run(async () => {
      const created = await apiFetch<ApiWebhookEndpointWithSecret>("/api/v1/company/webhooks", {
        method: "POST",
        body: { company_id: companyId, url, event_types: eventTypes, description: description || undefined },
      });
      setSecret(created.secret);
      setUrl("");
      setDescription("");
      onCreated();
      return `Added ${created.url}.`;
    });
  }

  return (
    <section
      aria-labelledby="webhook-create-title"
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id="webhook-create-title" className="text-lg font-semibold">
        Add an endpoint
      </h2>
      <form onSubmit={create} noValidate className="space-y-4">
        <TextField
          id="webhook-url"
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://example.com/hooks/estate-chat"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          maxLength={2000}
          autoComplete="off"
          required
          errors={fieldErrors.url}
        />
        <EventCheckboxes
          idPrefix="webhook-new-event"
          chosen={eventTypes}
          onChange={setEventTypes}
          errors={fieldErrors.event_types}
        />
        <TextField
          id="webhook-description"
          label="Description (optional)"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={500}
          autoComplete="off"
          errors={fieldErrors.description}
        />
        <SubmitButton pending={action.pending} pendingLabel="Adding…">
          Add endpoint
        </SubmitButton>
      </form>
      <Notice message={action.notice} />
      {secret && <SecretReveal secret={secret} onDismiss={() => setSecret(null)} />}
    </section>
  );
}

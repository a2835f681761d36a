"use client";

import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { describeError } from "../../admin/describe-error";
import { Notice, type NoticeResult } from "../../admin/notice";
import { errorsByField, TextField } from "../../fields";
import { primaryButton } from "../../lists/styles";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretReveal } from "./secret-reveal";
import type { ApiWebhookEndpointWithSecret } from "./types";

/** Registers an endpoint and shows its secret, once. */
export function EndpointCreateForm({ companyId, onCreated }: { companyId: number; onCreated: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [eventTypes, setEventTypes] = useState<string[]>(["message.created", "chat.created"]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<NoticeResult>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldErrors({});
    setResult(null);
    setSaving(true);
    try {
      const created = await apiFetch<ApiWebhookEndpointWithSecret>("/api/v1/company/webhooks", {
        method: "POST",
        body: { company_id: companyId, url, event_types: eventTypes, description: description || undefined },
      });
      setSecret(created.secret);
      setUrl("");
      setDescription("");
      setResult({ ok: true, text: `Added ${created.url}.` });
      onCreated();
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(errorsByField(error.fieldErrors));
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setSaving(false);
    }
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
        <button type="submit" disabled={saving} aria-disabled={saving} className={primaryButton}>
          {saving ? "Adding…" : "Add endpoint"}
        </button>
      </form>
      <Notice result={result} />
      {secret && <SecretReveal secret={secret} onDismiss={() => setSecret(null)} />}
    </section>
  );
}

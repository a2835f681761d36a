"use client";

import { type FormEvent, useState } from "react";
import { SCOPE_DESCRIPTIONS, SCOPES, type Scope } from "@/lib/auth/scopes";
import { ApiError, apiFetch } from "@/lib/client/api";
import { describeError } from "../admin/describe-error";
import { Notice, type NoticeResult } from "../admin/notice";
import { errorsByField, TextField } from "../fields";
import { primaryButton, textInput } from "../lists/styles";
import type { CreatedApiKey } from "./types";

const EXPIRY_CHOICES = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never" },
];

type Props = { companies: { id: number; name: string }[]; onCreated: (key: CreatedApiKey) => void };

/** Makes a personal access token or a company key; the page shows its secret once. */
export function CreateKeyForm({ companies, onCreated }: Props) {
  const [name, setName] = useState("");
  const [owner, setOwner] = useState("personal");
  const [scopes, setScopes] = useState<Scope[]>(["chats:read"]);
  const [expiry, setExpiry] = useState("90");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<NoticeResult>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const local: Record<string, string[]> = {};
    if (!name.trim()) local.name = ["Give the key a name, e.g. what will use it."];
    if (scopes.length === 0) local.scopes = ["Choose at least one permission."];
    setFieldErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const key = await apiFetch<CreatedApiKey>("/api/v1/api-keys", {
        method: "POST",
        body: {
          name,
          // In SCOPES order, whatever order they were ticked in.
          scopes: SCOPES.filter((scope) => scopes.includes(scope)),
          ...(owner === "personal" ? {} : { company_id: Number(owner) }),
          ...(expiry === "never" ? {} : { expires_in_days: Number(expiry) }),
        },
      });
      setName("");
      onCreated(key);
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(errorsByField(error.fieldErrors));
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="create-key-title"
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h3 id="create-key-title" className="font-semibold">
        New key
      </h3>
      <TextField
        id="create-key-name"
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={100}
        required
        autoComplete="off"
        hint="What will use it, so you know which key to revoke later."
        errors={fieldErrors.name}
      />
      <div className="space-y-1">
        <label htmlFor="create-key-owner" className="block text-sm font-medium">
          Acts as
        </label>
        <select
          id="create-key-owner"
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          className={textInput}
        >
          <option value="personal">Me (personal access token)</option>
          {companies.map((company) => (
            <option key={company.id} value={String(company.id)}>
              {company.name} (company key)
            </option>
          ))}
        </select>
      </div>
      <fieldset
        className="space-y-2"
        aria-describedby={fieldErrors.scopes ? "create-key-scopes-error" : undefined}
      >
        <legend className="text-sm font-medium">Permissions</legend>
        {SCOPES.map((scope) => (
          <div key={scope} className="flex items-start gap-2">
            <input
              id={`create-key-scope-${scope}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
              className="mt-1 size-4 accent-blue-600"
            />
            <label htmlFor={`create-key-scope-${scope}`} className="text-sm">
              <span className="font-mono">{scope}</span>
              <span className="block text-zinc-600 dark:text-zinc-400">{SCOPE_DESCRIPTIONS[scope]}</span>
            </label>
          </div>
        ))}
        {fieldErrors.scopes && (
          <p id="create-key-scopes-error" className="text-sm text-red-700 dark:text-red-400">
            {fieldErrors.scopes.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="create-key-expiry" className="block text-sm font-medium">
          Expires
        </label>
        <select
          id="create-key-expiry"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
          className={textInput}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <Notice result={result} />
      <button type="submit" disabled={saving} aria-disabled={saving} className={primaryButton}>
        {saving ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { SCOPE_DESCRIPTIONS, SCOPES, type Scope } from "@/lib/auth/scopes";
import { apiFetch } from "@/lib/client/api";
import { FieldError, TextField } from "../ui/fields";
import { Notice } from "../ui/notice";
import { textInput } from "../ui/styles";
import { SubmitButton } from "../ui/submit-button";
import { type FieldErrors, useApiAction } from "../ui/use-api-action";
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
  const action = useApiAction();
  const { fieldErrors } = action;

  const toggle = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!name.trim()) local.name = ["Give the key a name, e.g. what will use it."];
    if (scopes.length === 0) local.scopes = ["Choose at least one permission."];
    if (Object.keys(local).length) return action.reject(local);
    void action.run(async () => {
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
      onCreated(key); // the page shows the secret: no notice here
    });
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
        <FieldError id="create-key-scopes-error" errors={fieldErrors.scopes} />
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
      <Notice message={action.notice} />
      <SubmitButton pending={action.pending} pendingLabel="Creating…">
        Create key
      </SubmitButton>
    </form>
  );
}

"use client";

import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { errorsByField, TextArea, TextField } from "../fields";
import { primaryButton } from "../lists/styles";
import { describeError } from "./describe-error";
import { Notice, type NoticeResult } from "./notice";
import type { ApiAdminCompany } from "./types";

/** Creates a company; the list above refreshes with it. */
export function CompanyCreateForm({ onCreated }: { onCreated: (company: ApiAdminCompany) => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<NoticeResult>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    setFieldErrors({});
    if (!name.trim()) {
      setFieldErrors({ name: ["Enter the company's name."] });
      return;
    }
    setSaving(true);
    try {
      const company = await apiFetch<ApiAdminCompany>("/api/v1/admin/companies", {
        method: "POST",
        body: { name, description },
      });
      setName("");
      setDescription("");
      setResult({ ok: true, text: `Created “${company.name}”. Buyers can find it in the directory now.` });
      onCreated(company);
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
      aria-labelledby="create-company-title"
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h3 id="create-company-title" className="font-semibold">
        New company
      </h3>
      <TextField
        id="create-company-name"
        label="Company name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={200}
        required
        autoComplete="off"
        errors={fieldErrors.name}
      />
      <TextArea
        id="create-company-description"
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        maxLength={5000}
        hint="What buyers see in the directory. Optional."
        errors={fieldErrors.description}
      />
      <Notice result={result} />
      <button type="submit" disabled={saving} aria-disabled={saving} className={primaryButton}>
        {saving ? "Creating…" : "Create company"}
      </button>
    </form>
  );
}

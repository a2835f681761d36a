"use client";

import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { errorsByField, TextArea, TextField } from "../fields";
import { primaryButton, secondaryButton } from "../lists/styles";
import { describeError } from "./describe-error";
import { Notice, type NoticeResult } from "./notice";
import type { ApiAdminCompany } from "./types";

/** One company in the admin list, edited in place. */
export function CompanyRow({
  company,
  onSaved,
}: {
  company: ApiAdminCompany;
  onSaved: (company: ApiAdminCompany) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(company.name);
  const [description, setDescription] = useState(company.description);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<NoticeResult>(null);
  const [saving, setSaving] = useState(false);
  const base = `company-${company.id}`;

  function startEditing() {
    setName(company.name);
    setDescription(company.description);
    setFieldErrors({});
    setResult(null);
    setEditing(true);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldErrors({});
    setResult(null);
    setSaving(true);
    try {
      const saved = await apiFetch<ApiAdminCompany>(`/api/v1/admin/companies/${company.id}`, {
        method: "PATCH",
        body: { name, description },
      });
      setEditing(false);
      setResult({ ok: true, text: `Saved “${saved.name}”.` });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(errorsByField(error.fieldErrors));
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="space-y-3 px-4 py-3">
      {editing ? (
        <form onSubmit={save} noValidate className="space-y-3">
          <TextField
            id={`${base}-name`}
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
            autoComplete="off"
            errors={fieldErrors.name}
          />
          <TextArea
            id={`${base}-description`}
            label="Details"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={5000}
            errors={fieldErrors.description}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={saving} aria-disabled={saving} className={primaryButton}>
              {saving ? "Saving…" : "Save changes"}
            </button>
            <button type="button" onClick={() => setEditing(false)} className={secondaryButton}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="font-medium break-words">
              {company.name}{" "}
              <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">#{company.id}</span>
            </p>
            <p className="text-sm break-words text-zinc-600 dark:text-zinc-400">
              {company.description || <span className="italic">No description</span>}
            </p>
          </div>
          <button
            type="button"
            onClick={startEditing}
            aria-label={`Edit ${company.name}`}
            className={`${secondaryButton} shrink-0`}
          >
            Edit
          </button>
        </div>
      )}
      <Notice result={result} />
    </li>
  );
}

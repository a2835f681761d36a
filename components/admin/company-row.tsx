"use client";

import { type FormEvent, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { TextArea, TextField } from "../ui/fields";
import { ItemName } from "../ui/item-name";
import { Notice } from "../ui/notice";
import { secondaryButton } from "../ui/styles";
import { SubmitButton } from "../ui/submit-button";
import { useApiAction } from "../ui/use-api-action";
import type { ApiAdminCompany } from "./types";

/** One company in the admin list, edited in place; its fields and buttons name the company. */
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
  const action = useApiAction();
  const base = `company-${company.id}`;

  function startEditing() {
    setName(company.name);
    setDescription(company.description);
    action.clear();
    setEditing(true);
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void action.run(async () => {
      const saved = await apiFetch<ApiAdminCompany>(`/api/v1/admin/companies/${company.id}`, {
        method: "PATCH",
        body: { name, description },
      });
      setEditing(false);
      onSaved(saved);
      return `Saved “${saved.name}”.`;
    });
  }

  return (
    <li className="space-y-3 px-4 py-3">
      {editing ? (
        <form onSubmit={save} noValidate className="space-y-3">
          <TextField
            id={`${base}-name`}
            label={
              <>
                Name<ItemName>of {company.name}</ItemName>
              </>
            }
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
            autoComplete="off"
            errors={action.fieldErrors.name}
          />
          <TextArea
            id={`${base}-description`}
            label={
              <>
                Details<ItemName>of {company.name}</ItemName>
              </>
            }
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={5000}
            errors={action.fieldErrors.description}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={action.pending} pendingLabel="Saving…">
              Save changes<ItemName>to {company.name}</ItemName>
            </SubmitButton>
            <button type="button" onClick={() => setEditing(false)} className={secondaryButton}>
              Cancel<ItemName>editing {company.name}</ItemName>
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
      <Notice message={action.notice} />
    </li>
  );
}

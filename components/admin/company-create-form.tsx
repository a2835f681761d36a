"use client";

import { type FormEvent, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { TextArea, TextField } from "../ui/fields";
import { Notice } from "../ui/notice";
import { SubmitButton } from "../ui/submit-button";
import { useApiAction } from "../ui/use-api-action";
import type { ApiAdminCompany } from "./types";

/** Creates a company; the list above refreshes with it. */
export function CompanyCreateForm({ onCreated }: { onCreated: (company: ApiAdminCompany) => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const action = useApiAction();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return action.reject({ name: ["Enter the company's name."] });
    void action.run(async () => {
      const company = await apiFetch<ApiAdminCompany>("/api/v1/admin/companies", {
        method: "POST",
        body: { name, description },
      });
      setName("");
      setDescription("");
      onCreated(company);
      return `Created “${company.name}”. Buyers can find it in the directory now.`;
    });
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
        errors={action.fieldErrors.name}
      />
      <TextArea
        id="create-company-description"
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        maxLength={5000}
        hint="What buyers see in the directory. Optional."
        errors={action.fieldErrors.description}
      />
      <Notice message={action.notice} />
      <SubmitButton pending={action.pending} pendingLabel="Creating…">
        Create company
      </SubmitButton>
    </form>
  );
}

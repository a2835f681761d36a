"use client";

import { useState } from "react";
import type { ApiUser } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { ItemName } from "../ui/item-name";
import { primaryButton, textInput } from "../ui/styles";
import type { UserControlProps } from "./user-control";

/** The company a user represents directly (`company_id`), or none. */
export function CompanyLinkControl({
  user,
  action,
  companyName,
  onChanged,
  companies,
}: UserControlProps & { companies: { id: number; name: string }[] }) {
  const [link, setLink] = useState(user.company_id === null ? "" : String(user.company_id));
  const id = `user-${user.id}-link`;

  const save = () =>
    action.run(async () => {
      const companyId = link ? Number(link) : null;
      await apiFetch<ApiUser>(`/api/v1/admin/users/${user.id}`, {
        method: "PATCH",
        body: { company_id: companyId },
      });
      onChanged();
      return companyId !== null
        ? `${user.name} now represents ${companyName(companyId)} directly.`
        : `${user.name} is no longer linked to a company directly.`;
    });

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Company link<ItemName>for {user.name}</ItemName>
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          value={link}
          onChange={(event) => setLink(event.target.value)}
          className={`${textInput} min-w-0`}
        >
          <option value="">Not linked</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={action.pending}
          onClick={save}
          className={`${primaryButton} shrink-0`}
        >
          Save link<ItemName>for {user.name}</ItemName>
        </button>
      </div>
    </div>
  );
}

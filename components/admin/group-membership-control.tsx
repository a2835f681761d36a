"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { ItemName } from "../ui/item-name";
import { focusRing, primaryButton, secondaryButton, textInput } from "../ui/styles";
import type { UserControlProps } from "./user-control";

const GROUP_NAME = /^[\w.@+-]{1,150}$/;
/** The id of the page's one <datalist> of `company_{id}` names, which the group inputs suggest from. */
export const COMPANY_GROUPS_LIST = "company-group-names";

const TYPED_NAME_ACTIONS = [
  { method: "PUT", label: "Add to group", look: primaryButton },
  { method: "DELETE", label: "Remove from group", look: secondaryButton },
] as const;

/**
 * Adds a user to a group or takes them out, by typed name; each `company_{id}` group they are in
 * (other than their direct link) has its own remove button. A typed name's error stands under
 * the input; the rest goes to the card's notice.
 */
export function GroupMembershipControl({ user, action, companyName, onChanged }: UserControlProps) {
  const [group, setGroup] = useState("");
  const id = `user-${user.id}-group`;
  const error = action.fieldErrors.group;
  const viaGroups = user.represented_company_ids.filter((companyId) => companyId !== user.company_id);
  const groupLabel = (name: string) => {
    const match = /^company_(\d+)$/.exec(name);
    return match ? `${name} (${companyName(Number(match[1]))})` : name;
  };

  const change = (method: "PUT" | "DELETE", name: string, errorField?: string) =>
    action.run(
      async () => {
        await apiFetch<void>(`/api/v1/admin/groups/${encodeURIComponent(name)}/members/${user.id}`, {
          method,
        });
        onChanged();
        return method === "PUT"
          ? `${user.name} is in ${groupLabel(name)}.`
          : `${user.name} is no longer in ${groupLabel(name)}.`;
      },
      { errorField },
    );

  function changeTyped(method: "PUT" | "DELETE") {
    const name = group.trim();
    if (!GROUP_NAME.test(name)) {
      return action.reject({
        group: ["Enter a group name such as company_2 (letters, digits and _ . @ + - only)."],
      });
    }
    void change(method, name, "group");
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Group<ItemName>for {user.name}</ItemName>
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          value={group}
          list={COMPANY_GROUPS_LIST}
          onChange={(event) => setGroup(event.target.value)}
          placeholder="company_2"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className={`${textInput} min-w-0 flex-1 basis-32`}
        />
        {TYPED_NAME_ACTIONS.map(({ method, label, look }) => (
          <button
            key={method}
            type="button"
            disabled={action.pending}
            onClick={() => changeTyped(method)}
            className={look}
          >
            {label}
            <ItemName>for {user.name}</ItemName>
          </button>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.join(" ")}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Members of {"company_{id}"} represent that company.
        </p>
      )}
      {viaGroups.length > 0 && (
        <ul className="flex flex-wrap gap-2 pt-1">
          {viaGroups.map((companyId) => (
            <li key={companyId}>
              <button
                type="button"
                disabled={action.pending}
                onClick={() => change("DELETE", `company_${companyId}`)}
                // A label, not hidden text: the name then reads "company_2: remove …" without a
                // gap before the colon, which a hidden span (laid out as a block) would leave.
                aria-label={`company_${companyId}: remove ${user.name} from this group`}
                className={`rounded-full border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800 ${focusRing}`}
              >
                company_{companyId} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

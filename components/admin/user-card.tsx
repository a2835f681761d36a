"use client";

import { useState } from "react";
import type { ApiUser } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { focusRing, primaryButton, secondaryButton, textInput } from "../lists/styles";
import { describeError } from "./describe-error";
import { Notice, type NoticeResult } from "./notice";

type Company = { id: number; name: string };

const GROUP_NAME = /^[\w.@+-]{1,150}$/;
export const COMPANY_GROUPS_LIST = "company-group-names";

/**
 * One user and their access: direct company link, `company_{id}` groups, admin. Each control
 * acts at once and says what happened; the list reloads so the card shows the stored state.
 */
export function UserCard({
  user,
  companies,
  viewerId,
  onChanged,
}: {
  user: ApiUser;
  companies: Company[];
  viewerId: number;
  onChanged: () => void;
}) {
  const [link, setLink] = useState(user.company_id === null ? "" : String(user.company_id));
  const [group, setGroup] = useState("");
  const [groupError, setGroupError] = useState<string | null>(null);
  const [result, setResult] = useState<NoticeResult>(null);
  const [busy, setBusy] = useState(false);
  const base = `user-${user.id}`;
  const nameOf = (id: number) => companies.find((company) => company.id === id)?.name ?? `Company #${id}`;
  const groupCompanies = user.represented_company_ids.filter((id) => id !== user.company_id);
  const isSelf = user.id === viewerId;

  async function run(action: () => Promise<unknown>, success: string, onGroup = false) {
    setResult(null);
    setGroupError(null);
    setBusy(true);
    try {
      await action();
      setResult({ ok: true, text: success });
      onChanged();
    } catch (error) {
      const text = describeError(error);
      if (onGroup) setGroupError(text);
      else setResult({ ok: false, text });
    } finally {
      setBusy(false);
    }
  }

  const patch = (body: { company_id?: number | null; is_admin?: boolean }) => () =>
    apiFetch<ApiUser>(`/api/v1/admin/users/${user.id}`, { method: "PATCH", body });
  const membership = (method: "PUT" | "DELETE", name: string) => () =>
    apiFetch<void>(`/api/v1/admin/groups/${encodeURIComponent(name)}/members/${user.id}`, { method });
  const groupLabel = (name: string) => {
    const match = /^company_(\d+)$/.exec(name);
    return match ? `${name} (${nameOf(Number(match[1]))})` : name;
  };

  function changeGroup(method: "PUT" | "DELETE") {
    const name = group.trim();
    if (!GROUP_NAME.test(name)) {
      setResult(null);
      setGroupError("Enter a group name such as company_2 (letters, digits and _ . @ + - only).");
      return;
    }
    void run(
      membership(method, name),
      method === "PUT"
        ? `${user.name} is in ${groupLabel(name)}.`
        : `${user.name} is no longer in ${groupLabel(name)}.`,
      true,
    );
  }

  return (
    <article
      aria-labelledby={`${base}-name`}
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <header className="space-y-1">
        <h3 id={`${base}-name`} className="font-semibold break-words">
          {user.name}
          {user.is_admin && (
            <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              Admin
            </span>
          )}
        </h3>
        <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">{user.email}</p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {user.represented_company_ids.length === 0 ? (
            user.is_admin ? (
              "Represents no company; as an admin, answers for all of them."
            ) : (
              "Represents no company."
            )
          ) : (
            <>
              Represents:{" "}
              {[
                ...(user.company_id !== null ? [`${nameOf(user.company_id)} (direct link)`] : []),
                ...groupCompanies.map((id) => `${nameOf(id)} (group company_${id})`),
              ].join(", ")}
            </>
          )}
        </p>
      </header>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${base}-link`} className="block text-sm font-medium">
            Company link
          </label>
          <div className="flex gap-2">
            <select
              id={`${base}-link`}
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
              disabled={busy}
              onClick={() =>
                run(
                  patch({ company_id: link ? Number(link) : null }),
                  link
                    ? `${user.name} now represents ${nameOf(Number(link))} directly.`
                    : `${user.name} is no longer linked to a company directly.`,
                )
              }
              className={`${primaryButton} shrink-0`}
            >
              Save link
            </button>
          </div>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${base}-group`} className="block text-sm font-medium">
            Group
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={`${base}-group`}
              value={group}
              list={COMPANY_GROUPS_LIST}
              onChange={(event) => setGroup(event.target.value)}
              placeholder="company_2"
              autoComplete="off"
              aria-invalid={groupError ? true : undefined}
              aria-describedby={groupError ? `${base}-group-error` : `${base}-group-hint`}
              className={`${textInput} min-w-0 flex-1 basis-32`}
            />
            <button
              type="button"
              disabled={busy}
              onClick={() => changeGroup("PUT")}
              className={primaryButton}
            >
              Add to group
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => changeGroup("DELETE")}
              className={secondaryButton}
            >
              Remove from group
            </button>
          </div>
          {groupError ? (
            <p id={`${base}-group-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
              {groupError}
            </p>
          ) : (
            <p id={`${base}-group-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
              Members of {"company_{id}"} represent that company.
            </p>
          )}
          {groupCompanies.length > 0 && (
            <ul className="flex flex-wrap gap-2 pt-1">
              {groupCompanies.map((id) => (
                <li key={id}>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      run(
                        membership("DELETE", `company_${id}`),
                        `${user.name} is no longer in company_${id} (${nameOf(id)}).`,
                      )
                    }
                    className={`rounded-full border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800 ${focusRing}`}
                  >
                    company_{id} <span aria-hidden="true">×</span>
                    <span className="sr-only">: remove from this group</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={busy || (isSelf && user.is_admin)}
          onClick={() =>
            run(
              patch({ is_admin: !user.is_admin }),
              user.is_admin ? `${user.name} is no longer an admin.` : `${user.name} is now an admin.`,
            )
          }
          aria-describedby={isSelf && user.is_admin ? `${base}-self` : undefined}
          className={secondaryButton}
        >
          {user.is_admin ? "Remove admin" : "Make admin"}
        </button>
        {isSelf && user.is_admin && (
          <p id={`${base}-self`} className="text-xs text-zinc-600 dark:text-zinc-400">
            This is you: another admin can remove your admin rights.
          </p>
        )}
      </div>
      <Notice result={result} />
    </article>
  );
}

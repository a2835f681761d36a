"use client";

import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { ItemLabel, ItemName } from "../ui/item-name";
import { LocalTime } from "../ui/local-time";
import { Notice } from "../ui/notice";
import { dangerButton, secondaryButton } from "../ui/styles";
import { useApiAction } from "../ui/use-api-action";
import type { ApiKey } from "./types";

/** The state a person needs to see first: whether the key still works. */
function statusOf(key: ApiKey): { label: string; live: boolean } {
  if (key.revoked_at) return { label: "Revoked", live: false };
  if (key.expires_at && Date.parse(key.expires_at) <= Date.now()) return { label: "Expired", live: false };
  return { label: "Active", live: true };
}

/** One key, and revoking it with a confirmation step (revoking cannot be undone); its buttons name the key. */
export function KeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: (at: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const revoking = useApiAction();
  const status = statusOf(apiKey);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The Revoke button is replaced by the question: focus its safe answer, not the page's top.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  async function confirm() {
    await revoking.run(async () => {
      await apiFetch(`/api/v1/api-keys/${apiKey.id}`, { method: "DELETE" });
      onRevoked(new Date().toISOString());
      return `Revoked “${apiKey.name}”. It no longer works.`;
    });
    setConfirming(false);
  }

  return (
    <li className="space-y-2 px-4 py-3" data-testid="api-key-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">{apiKey.name}</p>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            status.live
              ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100"
              : "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
          }`}
        >
          {status.label}
        </span>
      </div>
      <p className="font-mono text-sm text-zinc-700 dark:text-zinc-300">{apiKey.prefix}_…</p>
      <p className="text-sm">
        <span className="sr-only">Permissions: </span>
        {apiKey.scopes.join(", ")}
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-zinc-600 sm:grid-cols-4 dark:text-zinc-400">
        <div>
          <dt>Created</dt>
          <dd>
            <LocalTime dateTime={apiKey.created_at} variant="date" />
            {apiKey.created_by && ` by ${apiKey.created_by.name}`}
          </dd>
        </div>
        <div>
          <dt>Last used</dt>
          <dd>
            {apiKey.last_used_at ? <LocalTime dateTime={apiKey.last_used_at} variant="dateTime" /> : "Never"}
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{apiKey.expires_at ? <LocalTime dateTime={apiKey.expires_at} variant="date" /> : "Never"}</dd>
        </div>
        {apiKey.revoked_at && (
          <div>
            <dt>Revoked</dt>
            <dd>
              <LocalTime dateTime={apiKey.revoked_at} variant="dateTime" />
            </dd>
          </div>
        )}
      </dl>
      {!apiKey.revoked_at &&
        (confirming ? (
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="mb-2 text-sm">
              Revoke “{apiKey.name}”? Whatever uses it stops working at once.
            </legend>
            <button type="button" onClick={confirm} disabled={revoking.pending} className={dangerButton}>
              <ItemLabel
                text={revoking.pending ? "Revoking" : "Yes, revoke"}
                item={apiKey.name}
                busy={revoking.pending}
              />
            </button>
            <button
              ref={cancelRef}
              type="button"
              onClick={() => setConfirming(false)}
              disabled={revoking.pending}
              className={secondaryButton}
            >
              Cancel<ItemName>revoking {apiKey.name}</ItemName>
            </button>
          </fieldset>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className={secondaryButton}>
            Revoke<ItemName>{apiKey.name}</ItemName>
          </button>
        ))}
      <Notice message={revoking.notice} />
    </li>
  );
}

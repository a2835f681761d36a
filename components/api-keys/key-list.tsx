"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { describeError } from "../admin/describe-error";
import { Notice, type NoticeResult } from "../admin/notice";
import { secondaryButton } from "../lists/styles";
import { KeyRow } from "./key-row";
import { type ApiKey, type KeyOwner, type KeyPage, keysUrl } from "./types";

/** One owner's keys: those made in this visit, the first page from the server, and more on request. */
export function KeyList({ owner, added }: { owner: KeyOwner; added: ApiKey[] }) {
  const [later, setLater] = useState<ApiKey[]>([]);
  const [cursor, setCursor] = useState(owner.firstPage.next_cursor);
  const [revoked, setRevoked] = useState<Record<number, string>>({});
  const [loading, setLoading] = useState(false);
  const [result, setResult] = useState<NoticeResult>(null);

  const seen = new Set<number>();
  const keys = [...added, ...owner.firstPage.data, ...later].filter((key) => {
    if (seen.has(key.id)) return false;
    seen.add(key.id);
    return true;
  });

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await apiFetch<KeyPage>(keysUrl(owner, cursor));
      setLater((current) => [...current, ...page.data]);
      setCursor(page.next_cursor);
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setLoading(false);
    }
  }

  async function revoke(key: ApiKey) {
    setResult(null);
    try {
      await apiFetch(`/api/v1/api-keys/${key.id}`, { method: "DELETE" });
      setRevoked((current) => ({ ...current, [key.id]: new Date().toISOString() }));
      setResult({ ok: true, text: `Revoked “${key.name}”. It no longer works.` });
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    }
  }

  const titleId = `${owner.id}-keys-title`;
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h3 id={titleId} className="font-semibold">
        {owner.title}
      </h3>
      <Notice result={result} />
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No keys yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {keys.map((key) => (
            <KeyRow
              key={key.id}
              apiKey={{ ...key, revoked_at: revoked[key.id] ?? key.revoked_at }}
              onRevoke={() => revoke(key)}
            />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" onClick={loadMore} disabled={loading} className={secondaryButton}>
          {loading ? "Loading…" : "Show more keys"}
        </button>
      )}
    </section>
  );
}

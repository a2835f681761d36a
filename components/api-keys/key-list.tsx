"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { ItemLabel } from "../ui/item-name";
import { Notice } from "../ui/notice";
import { secondaryButton } from "../ui/styles";
import { useApiAction } from "../ui/use-api-action";
import { KeyRow } from "./key-row";
import { type ApiKey, type KeyOwner, type KeyPage, keysUrl } from "./types";

/** One owner's keys: those made in this visit, the first page from the server, and more on request. */
export function KeyList({ owner, added }: { owner: KeyOwner; added: ApiKey[] }) {
  const [later, setLater] = useState<ApiKey[]>([]);
  const [cursor, setCursor] = useState(owner.firstPage.next_cursor);
  // Revoked in this visit, by key id: the time each was revoked.
  const [revoked, setRevoked] = useState<Record<number, string>>({});
  const loading = useApiAction();

  const seen = new Set<number>();
  const keys = [...added, ...owner.firstPage.data, ...later].filter((key) => {
    if (seen.has(key.id)) return false;
    seen.add(key.id);
    return true;
  });

  const loadMore = () =>
    loading.run(async () => {
      if (!cursor) return;
      const page = await apiFetch<KeyPage>(keysUrl(owner, cursor));
      setLater((current) => [...current, ...page.data]);
      setCursor(page.next_cursor);
    });

  const titleId = `${owner.id}-keys-title`;
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h3 id={titleId} className="font-semibold">
        {owner.title}
      </h3>
      <Notice message={loading.notice} />
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No keys yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {keys.map((key) => (
            <KeyRow
              key={key.id}
              apiKey={{ ...key, revoked_at: revoked[key.id] ?? key.revoked_at }}
              onRevoked={(at) => setRevoked((current) => ({ ...current, [key.id]: at }))}
            />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" onClick={loadMore} disabled={loading.pending} className={secondaryButton}>
          <ItemLabel
            text={loading.pending ? "Loading more" : "Show more"}
            item={owner.title}
            busy={loading.pending}
          />
        </button>
      )}
    </section>
  );
}

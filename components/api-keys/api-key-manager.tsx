"use client";

import { useRef, useState } from "react";
import { CreateKeyForm } from "./create-key-form";
import { KeyList } from "./key-list";
import { NewKeySecret } from "./new-key-secret";
import type { ApiKey, CreatedApiKey, KeyOwner } from "./types";

type Props = { owners: KeyOwner[]; companies: { id: number; name: string }[] };

/**
 * The settings page's keys: a create form, the new key's secret (shown once, kept only in this
 * component's state), and one list per owner. Keys made here are added to their list at once.
 */
export function ApiKeyManager({ owners, companies }: Props) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  // Keys made in this visit, newest first, by owner; the lists put them above their first page.
  const [added, setAdded] = useState<Record<string, ApiKey[]>>({});
  const secretRef = useRef<HTMLDivElement>(null);

  function onCreated(key: CreatedApiKey) {
    const { secret: _secret, ...listed } = key;
    const ownerId = key.company_id === null ? "personal" : `company-${key.company_id}`;
    setAdded((current) => ({ ...current, [ownerId]: [listed, ...(current[ownerId] ?? [])] }));
    setCreated(key);
    // Move focus to the secret: it is what the person must act on now.
    requestAnimationFrame(() => secretRef.current?.focus());
  }

  return (
    <div className="space-y-8">
      <CreateKeyForm companies={companies} onCreated={onCreated} />
      <div ref={secretRef} tabIndex={-1} className="outline-none">
        {created && <NewKeySecret created={created} onDone={() => setCreated(null)} />}
      </div>
      {owners.map((owner) => (
        <KeyList key={owner.id} owner={owner} added={added[owner.id] ?? []} />
      ))}
    </div>
  );
}

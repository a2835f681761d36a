"use client";

import { useState } from "react";
import { ItemName } from "../../ui/item-name";
import { secondaryButton } from "../../ui/styles";

/**
 * A new signing secret, shown once with a copy button: the server keeps no readable copy for the
 * page. `of` is the endpoint's URL where several cards may each show one (after a rotation).
 */
export function SecretReveal({
  secret,
  of,
  onDismiss,
}: {
  secret: string;
  of?: string;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard access: the text is selectable
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p className="font-medium">Signing secret: copy it now, it will not be shown again.</p>
      <code
        data-testid="webhook-secret"
        className="block rounded bg-white px-2 py-1 break-all select-all dark:bg-zinc-900"
      >
        {secret}
      </code>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={copy} className={secondaryButton}>
          {copied ? "Copied" : "Copy secret"}
          {of && <ItemName>of {of}</ItemName>}
        </button>
        <button type="button" onClick={onDismiss} className={secondaryButton}>
          I have stored it
          {of && <ItemName>(the secret of {of})</ItemName>}
        </button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {copied ? "Secret copied to the clipboard." : ""}
      </p>
    </div>
  );
}

"use client";

import { useState } from "react";
import { Notice, type NoticeMessage } from "../ui/notice";
import { primaryButton, secondaryButton } from "../ui/styles";
import type { CreatedApiKey } from "./types";

/** The one and only display of a new key's secret, with a copy button. */
export function NewKeySecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState<NoticeMessage | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied({ tone: "success", text: "Copied to the clipboard." });
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the field stays selectable.
      setCopied({ tone: "info", text: "Could not copy; select the key and copy it yourself." });
    }
  }

  return (
    <section
      aria-labelledby="new-key-title"
      data-testid="new-key-secret"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id="new-key-title" className="font-semibold">
        Your new key “{created.name}”
      </h3>
      <p className="text-sm text-amber-900 dark:text-amber-100">
        Copy it now and keep it somewhere safe. It will not be shown again: only a hash of it is stored.
      </p>
      <label htmlFor="new-key-value" className="block text-sm font-medium">
        Secret key
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="new-key-value"
          readOnly
          value={created.secret}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <button type="button" onClick={copy} className={primaryButton}>
          Copy
        </button>
      </div>
      <Notice message={copied} />
      <button type="button" onClick={onDone} className={secondaryButton}>
        I have saved it
      </button>
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { textInput } from "../ui/styles";

const TYPING_PAUSE_MS = 300;

/**
 * The directory's search box. Typing updates `?q=` after a short pause (replace, so the back
 * button is not flooded); Enter searches at once. Without JavaScript it is a plain GET form.
 */
export function CompanySearch({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const [value, setValue] = useState(initialQuery);
  // What this box last asked for; a different `?q=` came from elsewhere (back, forward, a link).
  const [requested, setRequested] = useState(initialQuery);
  const [shown, setShown] = useState(initialQuery);
  if (initialQuery !== shown) {
    setShown(initialQuery);
    if (initialQuery !== requested) {
      setValue(initialQuery);
      setRequested(initialQuery);
    }
  }
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(query: string) {
    clearTimeout(timer.current);
    const trimmed = query.trim();
    setRequested(trimmed);
    const href = trimmed ? `/companies?q=${encodeURIComponent(trimmed)}` : "/companies";
    startTransition(() => router.replace(href, { scroll: false }));
  }

  return (
    <search aria-label="Company search">
      <form
        action="/companies"
        onSubmit={(event) => {
          event.preventDefault();
          search(value);
        }}
        className="space-y-1"
      >
        <label htmlFor="company-search" className="block text-sm font-medium">
          Search companies
        </label>
        <input
          id="company-search"
          name="q"
          type="search"
          value={value}
          maxLength={100}
          autoComplete="off"
          placeholder="Name or what they do, e.g. waterfront"
          aria-describedby="company-search-status"
          onChange={(event) => {
            const next = event.target.value;
            setValue(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => search(next), TYPING_PAUSE_MS);
          }}
          className={textInput}
        />
        <p
          id="company-search-status"
          aria-live="polite"
          className="min-h-5 text-xs text-zinc-500 dark:text-zinc-400"
        >
          {pending ? "Searching…" : ""}
        </p>
      </form>
    </search>
  );
}

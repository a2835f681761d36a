"use client";

import { useLiveStatus } from "@/lib/client/live-events";

/** Said discreetly, only when live updates have stopped and pages are polling instead. */
export function LiveStatusNote() {
  const status = useLiveStatus();
  return (
    <p role="status" className="mx-auto max-w-5xl px-4 text-xs text-zinc-500 dark:text-zinc-400">
      {status === "offline" ? "Live updates are paused; pages refresh every few seconds." : ""}
    </p>
  );
}

"use client";

import Link from "next/link";
import { type ReactNode, useSyncExternalStore } from "react";
import { ApiError } from "@/lib/client/api";

function subscribeToConnectivity(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** SWR does not poll while the browser is offline, so no error would ever say so: ask the browser. */
function useOffline(): boolean {
  return useSyncExternalStore(
    subscribeToConnectivity,
    () => !navigator.onLine,
    () => false,
  );
}

/**
 * Shown while the browser is offline or polling fails; the last loaded messages stay on screen.
 * Says what happened and what to do, and goes away by itself when a poll succeeds again.
 */
export function ConnectionProblem({
  error,
  backHref,
  here,
}: {
  error: unknown;
  backHref: string;
  /** This page, to come back to after signing in again. */
  here: string;
}) {
  const offline = useOffline();
  if (!error && !offline) return null;
  const status = offline ? 0 : error instanceof ApiError ? error.status : -1;
  let message: ReactNode;
  if (status === 401) {
    message = (
      <>
        Your session has ended.{" "}
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(here)}`}
          className="font-medium underline underline-offset-2"
        >
          Sign in again
        </Link>{" "}
        to keep chatting.
      </>
    );
  } else if (status === 404) {
    message = (
      <>
        This chat is no longer available to you.{" "}
        <Link href={backHref} className="font-medium underline underline-offset-2">
          Go back
        </Link>
        .
      </>
    );
  } else if (status === 0) {
    message = "You seem to be offline. New messages will appear when the connection is back.";
  } else {
    message = "New messages can’t be loaded right now. Retrying automatically…";
  }
  return (
    <p
      role="alert"
      className="border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:px-5 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {message}
    </p>
  );
}

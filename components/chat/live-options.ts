"use client";

import { useMemo, useRef } from "react";
import type { SWRConfiguration } from "swr";
import { ApiError } from "@/lib/client/api";

/**
 * SWR options for what the conversation keeps live. Until the real-time stream exists it polls
 * every 3 s while the tab is visible and revalidates when the tab regains focus (SWR itself
 * skips polls while the browser is offline). A 401 (signed out) or 404 (access gone) cannot heal
 * by asking again, so polling stops there instead of logging a failed request every 3 s; the
 * page says what to do.
 */
export function useLiveOptions(): SWRConfiguration {
  const stopped = useRef(false);
  return useMemo(
    () => ({
      refreshInterval: 3000,
      revalidateOnFocus: true,
      dedupingInterval: 1000,
      isPaused: () => stopped.current,
      onError: (error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404))
          stopped.current = true;
      },
    }),
    [],
  );
}

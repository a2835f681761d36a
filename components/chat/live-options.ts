"use client";

import { useMemo, useRef } from "react";
import type { SWRConfiguration } from "swr";
import { ApiError } from "@/lib/client/api";
import { usePollInterval } from "@/lib/client/live-events";

/**
 * SWR options for what the conversation keeps live. The event stream revalidates it as things
 * happen; while the stream is down it polls every 3 s in a visible tab and revalidates when the
 * tab regains focus (SWR itself
 * skips polls while the browser is offline). A 401 (signed out) or 404 (access gone) cannot heal
 * by asking again, so polling stops there instead of logging a failed request every 3 s; the
 * page says what to do.
 */
export function useLiveOptions(): SWRConfiguration {
  const stopped = useRef(false);
  const interval = usePollInterval(3000);
  return useMemo(
    () => ({
      refreshInterval: interval,
      revalidateOnFocus: true,
      dedupingInterval: 1000,
      isPaused: () => stopped.current,
      onError: (error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404))
          stopped.current = true;
      },
    }),
    [interval],
  );
}

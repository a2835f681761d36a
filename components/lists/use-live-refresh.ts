"use client";

import { useMemo, useRef } from "react";
import type { SWRConfiguration } from "swr";
import { ApiError } from "@/lib/client/api";
import { LIVE_REFRESH_MS, liveRefreshPaused } from "@/lib/client/live";
import { usePollInterval } from "@/lib/client/live-events";

/**
 * SWR options for a list that stays current: revalidate when the tab regains focus and, while
 * the live event stream is not delivering (or not mounted), poll every few seconds in a visible
 * tab. A 401 cannot heal by asking again (the session ended), so polling stops there and the
 * list says to sign in again. `live: false` keeps only the focus revalidation.
 */
export function useLiveRefresh(live = true): SWRConfiguration {
  const interval = usePollInterval(LIVE_REFRESH_MS);
  const signedOut = useRef(false);
  return useMemo(
    () => ({
      refreshInterval: live ? interval : 0,
      revalidateOnFocus: true,
      refreshWhenHidden: false,
      isPaused: () => signedOut.current || liveRefreshPaused(),
      onError: (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) signedOut.current = true;
      },
    }),
    [live, interval],
  );
}

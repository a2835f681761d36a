"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False while rendering on the server and hydrating, true afterwards. For values only the
 * browser knows (the viewer's locale and time zone): render a placeholder first, so the markup
 * React hydrates is identical on both sides.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

// How client lists stay current until the live event stream exists: SWR revalidates when the
// tab regains focus and every few seconds while it is visible (never in a hidden tab).
export const LIVE_REFRESH_MS = 5000;

export const liveRefresh = {
  refreshInterval: LIVE_REFRESH_MS,
  revalidateOnFocus: true,
  refreshWhenHidden: false,
} as const;

/** `url` with `name=value` added to its query string. */
export function withParam(url: string, name: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

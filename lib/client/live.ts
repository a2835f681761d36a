// How client lists stay current when the live event stream is not delivering: SWR revalidates
// when the tab regains focus and every few seconds while it is visible (components/lists/
// use-live-refresh.ts builds the options).
export const LIVE_REFRESH_MS = 5000;

// Signing out revokes the session before the page changes; polls in that gap would only meet
// 401s. The header pauses them on "Sign out" and resumes them when it mounts signed in again.
let signingOut = false;
export const pauseLiveRefresh = () => {
  signingOut = true;
};
export const resumeLiveRefresh = () => {
  signingOut = false;
};
export const liveRefreshPaused = () => signingOut;

/** `url` with `name=value` added to its query string. */
export function withParam(url: string, name: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

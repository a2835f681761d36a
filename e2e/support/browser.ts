// Which Chromium the end-to-end tests drive. Playwright's own build when `npx playwright install
// chromium` has put one on this machine; otherwise Debian's package, which is the only browser
// that can be installed where Playwright's download host is unreachable (see ENVIRONMENT.md).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Without the networking flags Debian's Chromium keeps calling Google services, which floods a
// closed network with retries; --no-sandbox because CI runs as root.
const SYSTEM_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type ChromiumChoice =
  | { kind: "playwright"; executablePath: string }
  | { kind: "system"; executablePath: string; args: string[] };

export function findChromium(): ChromiumChoice | null {
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    // No build of Playwright's Chromium exists for this platform.
  }
  if (own && existsSync(own)) return { kind: "playwright", executablePath: own };
  if (existsSync(SYSTEM_CHROMIUM)) {
    return { kind: "system", executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS };
  }
  return null;
}

export const MISSING_CHROMIUM_MESSAGE =
  "No Chromium for the end-to-end tests. Install one of:\n" +
  "  Debian/Ubuntu:  apt-get update && apt-get install -y chromium\n" +
  "  elsewhere:      npx playwright install chromium";

// End-to-end tests in a real browser against a running `next start`. `npm test -- e2e` builds,
// starts a server on a fresh embedded database with an admin account, and runs these with
// E2E_BASE_URL and E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD set. Run by hand against any local server:
//   E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { findChromium, MISSING_CHROMIUM_MESSAGE } from "./e2e/support/browser";

const browser = findChromium();
if (!browser) throw new Error(MISSING_CHROMIUM_MESSAGE);

const reporter: ReporterDescription[] = [["list"], ["html", { open: "never" }]];
// scripts/test.ts reads the counts from this file.
const jsonFile = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
if (jsonFile) reporter.push(["json", { outputFile: jsonFile }]);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A flaky test is a bug to fix, not to retry away.
  retries: 0,
  workers: 2,
  timeout: 60_000,
  // Views refresh by SWR polling until live events exist, so what another person did can take a
  // few seconds to show.
  expect: { timeout: 15_000 },
  reporter,
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright's own build runs as the full Chromium (not the separate headless shell), so
        // `npx playwright install chromium` is all a machine needs.
        ...(browser.kind === "system"
          ? { launchOptions: { executablePath: browser.executablePath, args: browser.args } }
          : { channel: "chromium" }),
      },
    },
  ],
});

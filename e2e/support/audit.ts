// Checks that look at a whole page: accessibility (axe, and distinct control names in lists),
// horizontal overflow, and screenshots kept for a reviewer.
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { expectDistinctNamesInLists } from "./list-names";

/**
 * No serious or critical axe violation, in the light and in the dark colour scheme, and no list
 * whose controls repeat a name (axe has no rule for that; see list-names.ts).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
      }));
    expect.soft(serious, `axe: ${label} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
  await expectDistinctNamesInLists(page, label);
}

/** The page scrolls only vertically: nothing pushes it wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `document scrollWidth at ${page.url()}`).toBeLessThanOrEqual(clientWidth);
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
export const SCREENSHOT_DIR = path.join("test-results", "screenshots");

/** Full-page screenshots at phone and desktop widths, saved and attached to the report. */
export async function saveScreenshots(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [width, size] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    await testInfo.attach(`${name}-${width}`, { path: file, contentType: "image/png" });
  }
}

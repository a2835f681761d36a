// The test fixture every spec imports: signed-in pages in their own browser contexts (one per
// person), and a guard that fails the test on any console error, uncaught page error or dialog
// in any of its contexts: a person never sees those, so a test should not either.
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { signInThroughForm } from "./pages";

export type Credentials = { email: string; password: string };

/** A new browser context (a separate person) signed in through /login, on `path`. */
export type SignIn = (who: Credentials, path?: string) => Promise<Page>;

type Fixtures = {
  signIn: SignIn;
  /** Console errors the test expects (e.g. the browser's own line for a 404 document). */
  allowConsoleError: (pattern: RegExp) => void;
  consoleGuard: { watch(context: BrowserContext): void; allowed: RegExp[] };
};

export const test = base.extend<Fixtures>({
  consoleGuard: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, testInfo) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (context: BrowserContext) => {
        context.on("console", (message) => {
          if (message.type() !== "error") return;
          // For a failed request the location is the request's URL, which the text leaves out.
          const source = message.location().url;
          problems.push(`console error on ${message.page()?.url()}: ${message.text()} [${source}]`);
        });
        context.on("weberror", (error) => {
          problems.push(`uncaught error on ${error.page()?.url()}: ${error.error().message}`);
        });
        context.on("dialog", (dialog) => {
          problems.push(`${dialog.type()} dialog on ${dialog.page()?.url()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
      };
      await use({ watch, allowed });
      const unexpected = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
      if (testInfo.status === testInfo.expectedStatus) {
        expect(unexpected, "console errors, page errors or dialogs while the test ran").toEqual([]);
      } else if (unexpected.length) {
        // The test failed already; the errors may explain why.
        await testInfo.attach("console-errors", { body: unexpected.join("\n"), contentType: "text/plain" });
      }
    },
    { auto: true },
  ],

  context: async ({ context, consoleGuard }, use) => {
    consoleGuard.watch(context);
    await use(context);
  },

  allowConsoleError: async ({ consoleGuard }, use) => {
    await use((pattern) => consoleGuard.allowed.push(pattern));
  },

  signIn: async (
    { browser, baseURL, viewport, userAgent, deviceScaleFactor, locale, colorScheme, consoleGuard },
    use,
  ) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, path = "/") => {
      // The same options the test's own `page` gets (test.use({ viewport }) included).
      const context = await browser.newContext({
        baseURL,
        viewport,
        userAgent,
        deviceScaleFactor,
        locale,
        colorScheme,
      });
      contexts.push(context);
      consoleGuard.watch(context);
      const page = await context.newPage();
      await signInThroughForm(page, who, path);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };

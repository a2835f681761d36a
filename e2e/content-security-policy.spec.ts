// The strict Content-Security-Policy (proxy.ts) blocks nothing the app itself does: every page,
// signed out and as each kind of person, loads and hydrates with no `securitypolicyviolation`
// event. (The console guard of every spec would also catch the browser's console line for a
// violation; this listens for the event itself, which names the directive and what it blocked.)
import type { BrowserContext, Page } from "@playwright/test";
import {
  ADMIN,
  companyWithRepresentative,
  putListing,
  replyAsCompany,
  signUp,
  startChat,
} from "./support/api";
import { expect, test } from "./support/fixtures";
import { ChatListPage, ConversationPage } from "./support/pages";

type Violation = { page: string; directive: string; blocked: string; source: string; sample: string };

/** Records every CSP violation of every page of the context, from before the page's first script. */
async function recordViolations(context: BrowserContext): Promise<Violation[]> {
  const violations: Violation[] = [];
  await context.exposeFunction("__reportCspViolation", (violation: Violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation(v: Violation): void }).__reportCspViolation;
      void report({
        page: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    });
  });
  return violations;
}

/** Opens `path`, waits for `ready` and for React to have hydrated (Next's scripts ran). */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
  await ready(page);
  await page.waitForFunction(() =>
    Boolean((window as unknown as { next?: { version?: string } }).next?.version),
  );
}

// Each test walks many pages and waits for each to hydrate: more than one ordinary step.
test.slow();

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name }).first()).toBeVisible();
};

test("signed out: landing, sign-in, registration, API reference, 404", async ({
  page,
  context,
  allowConsoleError,
}) => {
  allowConsoleError(/ on \S+\/no-such-page: Failed to load resource: .* status of 404/);
  const violations = await recordViolations(context);
  await visit(page, "/", async (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible());
  await visit(page, "/login", async (p) => expect(p.getByRole("button", { name: "Sign in" })).toBeVisible());
  await visit(page, "/register", async (p) =>
    expect(p.getByRole("button", { name: "Create account" })).toBeVisible(),
  );
  await visit(page, "/docs/api", async (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible());
  await visit(page, "/no-such-page", heading("Page not found"));
  expect(violations).toEqual([]);
});

test("a buyer: companies, a listing, inbox, conversation, settings, and a message sent", async ({
  signIn,
}) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("CSP Homes"),
    signUp("Buyer"),
  ]);
  const listing = await putListing(representative, { title: "Flat with a garden" });
  const chatId = await startChat(buyer, company, "Is there a garden?");
  await replyAsCompany(representative, chatId, "Yes, a small one.");

  const page = await signIn(buyer, "/companies");
  const violations = await recordViolations(page.context());
  await visit(page, "/companies", async (p) => expect(p.getByRole("article").first()).toBeVisible());
  await visit(page, `/listings/${listing.id}`, heading(listing.title));
  await visit(page, "/inbox", async (p) => expect(new ChatListPage(p).row(company.name)).toBeVisible());
  // A client-side navigation: Next loads the next page's chunks from a trusted script.
  await new ChatListPage(page).row(company.name).click();
  const conversation = new ConversationPage(page);
  await expect(conversation.message("Yes, a small one.")).toBeVisible();
  // Sending is a fetch, beside the open event stream: both are connect-src.
  await conversation.send("Thanks, when can I visit?");
  await visit(page, `/inbox/${chatId}`, async (p) =>
    expect(new ConversationPage(p).message("Is there a garden?")).toBeVisible(),
  );
  await visit(page, "/settings", async (p) => expect(p.getByRole("heading").first()).toBeVisible());
  await visit(page, "/settings/api-keys", heading("API keys"));
  await visit(page, "/", async (p) => expect(p.getByRole("link", { name: "Find a company" })).toBeVisible());
  expect(violations).toEqual([]);
});

test("a representative: console, console conversation, webhooks, API keys", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("CSP Estates"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Are pets allowed?");

  const page = await signIn(representative, "/console");
  const violations = await recordViolations(page.context());
  await visit(page, "/console", async (p) => expect(new ChatListPage(p).row(buyer.name)).toBeVisible());
  await visit(page, `/console/chats/${chatId}`, async (p) =>
    expect(new ConversationPage(p).message("Are pets allowed?")).toBeVisible(),
  );
  await new ConversationPage(page).send("Cats yes, dogs on request.");
  await visit(page, "/settings/webhooks", heading("Webhooks"));
  await visit(page, "/settings/api-keys", heading("API keys"));
  expect(violations).toEqual([]);
});

test("an admin: admin page and console", async ({ signIn }) => {
  const page = await signIn(ADMIN, "/admin");
  const violations = await recordViolations(page.context());
  await visit(page, "/admin", async (p) =>
    expect(p.getByRole("button", { name: "Create company" })).toBeVisible(),
  );
  await visit(page, "/console", async (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible());
  expect(violations).toEqual([]);
});

// Page objects: how a person finds things on each page, by the accessible names the pages agree
// to (labels, roles, button names), so a test reads like the steps a person takes.
import { expect, type Locator, type Page } from "@playwright/test";

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Matches an accessible name that starts with `text`. */
export const startsWith = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}`);

export async function signInThroughForm(
  page: Page,
  who: { email: string; password: string },
  path = "/",
): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === path.split("?")[0]);
}

export async function registerThroughForm(
  page: Page,
  who: { name: string; email: string; password: string },
) {
  await page.goto("/register");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText(who.name);
}

export const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** The page every missing or foreign object answers with. */
export async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  // Soft: a wrong status is worth reporting, but the page itself says more.
  expect.soft(response?.status(), `HTTP status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** /companies: the directory. */
export class CompaniesPage {
  constructor(readonly page: Page) {}

  /** Searches and waits for the answer, as a person waits for the list to change. */
  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: "Search companies" }).fill(text);
    await expect(this.page).toHaveURL((url) => url.searchParams.get("q") === text.trim());
  }

  card(companyName: string): Locator {
    return this.page
      .getByRole("article")
      .filter({ has: this.page.getByRole("heading", { name: companyName, exact: true }) });
  }
}

/** /inbox and /console: rows are links named after the other side, with an unread badge. */
export class ChatListPage {
  constructor(readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByRole("link", { name: startsWith(name) });
  }

  unreadBadge(name: string): Locator {
    return this.row(name).getByTestId("unread-badge");
  }
}

/** /inbox/{id} and /console/chats/{id}. */
export class ConversationPage {
  readonly thread: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly sendButton: Locator;

  constructor(readonly page: Page) {
    this.thread = page.getByRole("log", { name: "Messages" });
    this.messages = this.thread.getByTestId("message");
    this.composer = page.getByRole("textbox", { name: "Message" });
    this.sendButton = page.getByRole("button", { name: "Send" });
  }

  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.sendButton.click();
    await expect(this.message(text)).toBeVisible();
  }

  closedNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: /closed/i });
  }

  /** Closed chat: an explanation, and no composer or send button a person could use. */
  async expectComposerBlocked(): Promise<void> {
    await expect(this.closedNotice()).toBeVisible();
    await expect(this.page.getByRole("textbox", { name: "Message", disabled: false })).toHaveCount(0);
    await expect(this.page.getByRole("button", { name: "Send", disabled: false })).toHaveCount(0);
  }

  async expectComposerOpen(): Promise<void> {
    await expect(this.composer).toBeEditable();
    await expect(this.closedNotice()).toHaveCount(0);
  }
}

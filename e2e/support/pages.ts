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

  /** "Start chat", named after its company, as a screen reader lists it. */
  startChatButton(companyName: string): Locator {
    return this.page.getByRole("button", { name: `Start chat with ${companyName}`, exact: true });
  }

  /** "Open chat", named after its company; an unread count may follow ("… 2 unread"). */
  openChatButton(companyName: string): Locator {
    return this.page.getByRole("button", {
      name: new RegExp(`^Open chat with ${escapeRegExp(companyName)}( |$)`),
    });
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

  /** The console's "Mine", "Unassigned" and "All" tabs; each name ends in its open count. */
  tab(label: "Mine" | "Unassigned" | "All"): Locator {
    return this.page
      .getByRole("navigation", { name: "Whose chats" })
      .getByRole("link", { name: new RegExp(`^${label} \\d+ open$`) });
  }
}

/** The console conversation's context panel: who answers the chat, and the internal notes. */
export class ChatContextPanel {
  readonly assignee: Locator;
  readonly assignToMe: Locator;
  readonly unassign: Locator;
  readonly colleague: Locator;
  readonly assign: Locator;
  readonly notes: Locator;
  readonly noteField: Locator;
  readonly addNote: Locator;

  constructor(readonly page: Page) {
    const assignee = page.getByRole("region", { name: "Assignee" });
    this.assignee = assignee;
    this.assignToMe = assignee.getByRole("button", { name: "Assign to me" });
    this.unassign = assignee.getByRole("button", { name: "Unassign" });
    this.colleague = assignee.getByRole("combobox", { name: "Assign to a colleague" });
    this.assign = assignee.getByRole("button", { name: "Assign", exact: true });
    const notes = page.getByRole("region", { name: "Internal notes" });
    this.notes = notes.getByTestId("internal-note");
    this.noteField = notes.getByRole("textbox", { name: "Internal note" });
    this.addNote = notes.getByRole("button", { name: "Add note" });
  }

  async assignTo(name: string): Promise<void> {
    await this.colleague.selectOption({ label: name });
    await this.assign.click();
    await expect(this.assignee).toContainText(`Assigned to ${name}`);
  }

  async writeNote(text: string): Promise<void> {
    await this.noteField.fill(text);
    await this.addNote.click();
    await expect(this.notes.filter({ hasText: text })).toBeVisible();
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
    this.sendButton = page.getByRole("button", { name: "Send", exact: true });
  }

  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  /** The card of the listing a message asks about. */
  listingCard(text: string): Locator {
    return this.message(text).getByTestId("listing-card");
  }

  /** The console's context panel: the listings the buyer asked about, newest first. */
  listingsAskedAbout(): Locator {
    return this.page.getByRole("region", { name: "Listings asked about" }).getByRole("listitem");
  }

  /** A failed message's Retry button, named after the start of the message. */
  retryButton(text: string): Locator {
    return this.message(text).getByRole("button", {
      name: startsWith(`Retry sending “${text.slice(0, 20)}`),
    });
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
    const usableSend = this.page.getByRole("button", { name: "Send", exact: true, disabled: false });
    await expect(usableSend).toHaveCount(0);
  }

  async expectComposerOpen(): Promise<void> {
    await expect(this.composer).toBeEditable();
    await expect(this.closedNotice()).toHaveCount(0);
  }
}

/** /listings/{id}: the listing, and "Ask about this home". */
export class ListingPage {
  readonly question: Locator;
  readonly sendButton: Locator;

  constructor(readonly page: Page) {
    this.question = page.getByRole("textbox", { name: "Your question" });
    this.sendButton = page.getByRole("button", { name: "Send question" });
  }

  /** Asks, and lands in the conversation with the company. */
  async ask(text: string): Promise<void> {
    await this.question.fill(text);
    await this.sendButton.click();
    await expect(this.page).toHaveURL(/\/inbox\/\d+$/);
  }
}

/** /admin: companies, and the users who represent them. */
export class AdminPage {
  constructor(readonly page: Page) {}

  /** Searches for the user and answers their card, whose controls all name them. */
  async findUser(user: { name: string; email: string }): Promise<UserCard> {
    await this.page.getByLabel("Find user").fill(user.email);
    // Only the search's answer lists a single user (the unfiltered list has the admin and more);
    // a card found before it arrives is replaced, with anything typed into it.
    const cards = this.page.getByRole("list", { name: "Users" }).getByRole("article");
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText(user.email);
    return new UserCard(cards, user.name);
  }
}

/** One user's card on /admin. */
export class UserCard {
  readonly companyLink: Locator;
  readonly group: Locator;

  constructor(
    readonly card: Locator,
    readonly userName: string,
  ) {
    this.companyLink = card.getByLabel(`Company link for ${userName}`, { exact: true });
    this.group = card.getByLabel(`Group for ${userName}`, { exact: true });
  }

  /** A button by its visible words ("Save link"), which the card finishes with the user's name. */
  button(words: string): Locator {
    return this.card.getByRole("button", { name: `${words} for ${this.userName}`, exact: true });
  }
}

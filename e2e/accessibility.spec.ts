// axe on every page, signed out and as each kind of user, in light and dark mode: no serious or
// critical violation. Each page is checked once its own content is on screen, not a skeleton,
// and with at least two items in each of its lists, so that controls repeating a name across
// items are caught (expectAccessible checks that too).
import {
  ADMIN,
  addNote,
  askAboutListing,
  assignChat,
  companyWithRepresentative,
  linkRepresentative,
  putListing,
  replyAsCompany,
  signUp,
  startChat,
  uniqueTag,
} from "./support/api";
import { expectAccessible } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { ChatContextPanel, ChatListPage, CompaniesPage, ConversationPage, startsWith } from "./support/pages";

// Each test audits several pages twice (light and dark), a few seconds of axe apiece: on a busy
// two-core machine that outgrows the default minute, without anything being wrong.
test.describe.configure({ timeout: 180_000 });

test("public pages: landing, sign-in, registration, 404", async ({ page, allowConsoleError }) => {
  // Chromium logs the 404 status of the document itself as a console error.
  allowConsoleError(/ on \S+\/no-such-page: Failed to load resource: .* status of 404/);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "landing");

  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page, "login");

  await page.goto("/register");
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  await expectAccessible(page, "register");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "404");
});

test("the buyer's pages: companies, a listing, inbox, conversation", async ({
  signIn,
  allowConsoleError,
}) => {
  // The browser logs the sends this test makes fail.
  allowConsoleError(/Failed to load resource: net::ERR_FAILED/);
  // One tag in all three names, so one search lists exactly these cards: two chats with an unread
  // reply each (so alike but for the company), and one company not asked yet.
  const tag = uniqueTag();
  const [harbor, meadow, quay, buyer] = await Promise.all([
    companyWithRepresentative(`Axe ${tag} Homes`),
    companyWithRepresentative(`Axe ${tag} Estates`),
    companyWithRepresentative(`Axe ${tag} Lofts`),
    signUp("Buyer"),
  ]);
  // Two homes in one directory card, one of them asked about (its card shows in the conversation).
  const [flat] = await Promise.all([
    putListing(harbor.representative, {
      title: `Flat on Quay Street ${tag}`,
      address: "3 Quay Street",
      url: "https://homes.example/quay-3",
      price: { amount: 310_000, currency: "EUR" },
      attributes: { bedrooms: 2, area_m2: 70, balcony: true },
    }),
    putListing(harbor.representative, { title: `House by the park ${tag}` }),
  ]);
  const chatId = await askAboutListing(buyer, harbor.company, flat, "Is parking included?");
  await replyAsCompany(harbor.representative, chatId, "Yes, one space in the garage.");
  const otherChatId = await startChat(buyer, meadow.company, "Is there a garden?");
  await replyAsCompany(meadow.representative, otherChatId, "Yes, facing south.");

  const page = await signIn(buyer, "/companies");
  const companies = new CompaniesPage(page);
  await companies.search(tag);
  await expect(page.getByRole("article")).toHaveCount(3);
  await expect(companies.card(quay.company.name)).toBeVisible();
  await expect(companies.card(harbor.company.name).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page, "companies");

  await page.goto(`/listings/${flat.id}`);
  await expect(page.getByRole("heading", { level: 1, name: flat.title })).toBeVisible();
  await expectAccessible(page, "listing");

  await page.goto("/inbox");
  const inbox = new ChatListPage(page);
  await expect(inbox.row(harbor.company.name)).toBeVisible();
  await expect(inbox.row(meadow.company.name)).toBeVisible();
  await expectAccessible(page, "inbox");

  // Two sends that never reach the server: two failed messages, each with its Retry button.
  await page.goto(`/inbox/${chatId}`);
  const chat = new ConversationPage(page);
  await expect(chat.message("Yes, one space")).toBeVisible();
  await page.route(`**/api/v1/chats/${chatId}/messages`, (route) =>
    route.request().method() === "POST" ? route.abort("failed") : route.continue(),
  );
  for (const text of ["Can I see it on Saturday?", "Or on Sunday?"]) {
    await chat.send(text);
    await expect(chat.message(text)).toContainText("Failed");
  }
  await expectAccessible(page, "conversation with failed messages");
});

test("the representative's pages: console, console conversation", async ({ signIn }) => {
  const [{ company, representative }, buyer, otherBuyer, colleague] = await Promise.all([
    companyWithRepresentative("Axe Estates"),
    signUp("Buyer"),
    signUp("Buyer"),
    signUp("Colleague"),
  ]);
  await linkRepresentative(colleague, company);
  // Two homes asked about: two cards in the thread and two in the context panel.
  const [loft, cottage] = await Promise.all([
    putListing(representative, { title: "Loft by the river", price: { amount: 250_000, currency: "EUR" } }),
    putListing(representative, { title: "Cottage on the hill", status: "sold" }),
  ]);
  await askAboutListing(buyer, company, cottage, "Is the cottage really sold?");
  const chatId = await askAboutListing(buyer, company, loft, "Are pets allowed?");
  await startChat(otherBuyer, company, "Is there a lift?");
  // The context panel with an assignee and two internal notes.
  await assignChat(representative, chatId, colleague.id);
  await addNote(representative, chatId, "Asked about pets twice; check the lease.");
  await addNote(colleague, chatId, "The owner allows cats only.");

  const page = await signIn(representative, "/console");
  const consoleList = new ChatListPage(page);
  await expect(consoleList.row(buyer.name)).toBeVisible();
  await expect(consoleList.row(otherBuyer.name)).toBeVisible();
  await expectAccessible(page, "console");

  await page.goto(`/console/chats/${chatId}`);
  const conversation = new ConversationPage(page);
  await expect(conversation.message("Are pets allowed?")).toBeVisible();
  await expect(conversation.listingsAskedAbout()).toHaveCount(2);
  const panel = new ChatContextPanel(page);
  await expect(panel.notes).toHaveCount(2);
  await expect(panel.assignee).toContainText(`Assigned to ${colleague.name}`);
  await expectAccessible(page, "console conversation");
});

test("the admin page, with two companies being edited", async ({ signIn }) => {
  // At least two companies and two users besides the admin, whatever else the database holds.
  await Promise.all([companyWithRepresentative("Axe Admin"), companyWithRepresentative("Axe Admin")]);
  const page = await signIn(ADMIN, "/admin");
  await expect(page.getByRole("button", { name: "Create company" })).toBeVisible();
  const companies = page.getByRole("list", { name: "All companies" });
  for (const _ of [1, 2])
    await companies
      .getByRole("button", { name: startsWith("Edit ") })
      .first()
      .click();
  await expect(companies.getByRole("textbox")).toHaveCount(4);
  await expect(page.getByRole("list", { name: "Users" }).getByRole("article").nth(1)).toBeVisible();
  await expectAccessible(page, "admin");
});

test("the settings pages: API keys, with two keys being revoked, and webhooks", async ({ signIn }) => {
  const { company, representative } = await companyWithRepresentative("Axe Settings");
  const page = await signIn(representative, "/settings/api-keys");
  const keys = page.getByRole("region", { name: `Company keys of ${company.name}` });
  for (const name of ["CRM", "Portal"]) {
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Acts as").selectOption({ label: `${company.name} (company key)` });
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByRole("button", { name: "I have saved it" }).click();
    await expect(keys.getByTestId("api-key-row").filter({ hasText: name })).toBeVisible();
  }
  // Both rows asking "Revoke …?" at once: their answers must still say which key they are for.
  for (const name of ["CRM", "Portal"]) {
    await keys
      .getByTestId("api-key-row")
      .filter({ hasText: name })
      .getByRole("button", { name: startsWith("Revoke") })
      .click();
  }
  await expect(keys.getByRole("group")).toHaveCount(2);
  await expectAccessible(page, "API keys");

  // Two endpoints that cannot be reached, each with its delivery log open.
  await page.goto("/settings/webhooks");
  const tag = uniqueTag();
  const urls = [`http://127.0.0.1:9/hooks/${tag}-a`, `http://127.0.0.1:9/hooks/${tag}-b`];
  for (const url of urls) {
    await page.getByLabel("URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("button", { name: "I have stored it" }).click();
  }
  const buyer = await signUp("Buyer");
  await startChat(buyer, company, "Is the flat still for sale?");
  const endpoints = page.getByRole("list", { name: `Webhook endpoints of ${company.name}` });
  for (const url of urls) {
    const card = endpoints.getByRole("listitem").filter({ hasText: url });
    await card.getByRole("button", { name: startsWith("Show deliveries") }).click();
    await expect(card.getByRole("button", { name: startsWith("Redeliver") })).toHaveCount(2, {
      timeout: 15_000,
    });
  }
  await expectAccessible(page, "webhooks");
});

// axe on every page, signed out and as each kind of user, in light and dark mode: no serious or
// critical violation. Each page is checked once its own content is on screen, not a skeleton.
import { ADMIN, companyWithRepresentative, replyAsCompany, signUp, startChat } from "./support/api";
import { expectAccessible } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { ChatListPage, ConversationPage } from "./support/pages";

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

test("the buyer's pages: companies, inbox, conversation", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Axe Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Is parking included?");
  await replyAsCompany(representative, chatId, "Yes, one space in the garage.");

  const page = await signIn(buyer, "/companies");
  await expect(page.getByRole("article").first()).toBeVisible();
  await expectAccessible(page, "companies");

  await page.goto("/inbox");
  await expect(new ChatListPage(page).row(company.name)).toBeVisible();
  await expectAccessible(page, "inbox");

  await page.goto(`/inbox/${chatId}`);
  await expect(new ConversationPage(page).message("Yes, one space")).toBeVisible();
  await expectAccessible(page, "conversation");
});

test("the representative's pages: console, console conversation", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Axe Estates"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Are pets allowed?");

  const page = await signIn(representative, "/console");
  await expect(new ChatListPage(page).row(buyer.name)).toBeVisible();
  await expectAccessible(page, "console");

  await page.goto(`/console/chats/${chatId}`);
  await expect(new ConversationPage(page).message("Are pets allowed?")).toBeVisible();
  await expectAccessible(page, "console conversation");
});

test("the admin page", async ({ signIn }) => {
  const page = await signIn(ADMIN, "/admin");
  await expect(page.getByRole("button", { name: "Create company" })).toBeVisible();
  await expectAccessible(page, "admin");
});

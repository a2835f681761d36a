// The admin page: companies and who represents them.

import { ADMIN, createCompany, signUp, startChat, uniqueTag } from "./support/api";
import { expect, test } from "./support/fixtures";
import { AdminPage, ChatListPage, CompaniesPage, ConversationPage, nav } from "./support/pages";

test("the admin links a user through the group company_{id}; the user then sees that company's console", async ({
  signIn,
}) => {
  const [company, agent, buyer] = await Promise.all([
    createCompany("Lakeside"),
    signUp("Agent"),
    signUp("Buyer"),
  ]);
  const question = `Does the lake house have a jetty? (${uniqueTag()})`;
  await startChat(buyer, company, question);

  const agentPage = await signIn(agent, "/");
  await expect(nav(agentPage).getByRole("link", { name: "Console" })).toHaveCount(0);

  const adminPage = await signIn(ADMIN, "/admin");
  const entry = await new AdminPage(adminPage).findUser(agent);
  await entry.group.fill(`company_${company.id}`);
  await entry.button("Add to group").click();
  await expect(entry.card).toContainText(`company_${company.id}`);
  await expect(
    entry.card.getByRole("button", { name: `company_${company.id}: remove ${agent.name} from this group` }),
  ).toBeVisible();

  // Access is read on every request: no new sign-in is needed.
  await agentPage.reload();
  await nav(agentPage).getByRole("link", { name: "Console" }).click();
  const consoleList = new ChatListPage(agentPage);
  await consoleList.row(buyer.name).click();
  await expect(new ConversationPage(agentPage).message(question)).toBeVisible();
});

test("the admin links a user to a company directly", async ({ signIn }) => {
  const [company, agent, buyer] = await Promise.all([
    createCompany("Hillside"),
    signUp("Agent"),
    signUp("Buyer"),
  ]);
  await startChat(buyer, company, "Is the garden south-facing?");

  const adminPage = await signIn(ADMIN, "/admin");
  const entry = await new AdminPage(adminPage).findUser(agent);
  await entry.companyLink.selectOption({ label: company.name });
  await entry.button("Save link").click();
  await expect(entry.companyLink).toHaveValue(String(company.id));

  const agentPage = await signIn(agent, "/console");
  await expect(new ChatListPage(agentPage).row(buyer.name)).toBeVisible();
});

test("the admin makes a user an admin, who then has the admin page", async ({ signIn }) => {
  const user = await signUp("Colleague");
  const adminPage = await signIn(ADMIN, "/admin");
  const entry = await new AdminPage(adminPage).findUser(user);
  await entry.button("Make admin").click();
  await expect(entry.button("Remove admin")).toBeVisible();

  const userPage = await signIn(user, "/");
  await nav(userPage).getByRole("link", { name: "Admin" }).click();
  await expect(userPage.getByRole("button", { name: "Create company" })).toBeVisible();
});

test("the admin creates a company, and buyers find it in the directory", async ({ signIn }) => {
  const name = `Riverside Lofts ${uniqueTag()}`;
  const adminPage = await signIn(ADMIN, "/admin");
  await adminPage.getByLabel("Company name").fill(name);
  await adminPage.getByLabel("Description").fill("Converted warehouses by the river.");
  await adminPage.getByRole("button", { name: "Create company" }).click();
  // The notice, not the list: the list shows the oldest companies first and may not reach it.
  await expect(adminPage.getByRole("status").filter({ hasText: name })).toBeVisible();

  const buyer = await signUp("Buyer");
  const buyerPage = await signIn(buyer, "/companies");
  const companies = new CompaniesPage(buyerPage);
  await companies.search(name);
  await expect(companies.card(name)).toContainText("Converted warehouses by the river.");
});

test("a non-admin opening /admin does not see the admin page", async ({ signIn, allowConsoleError }) => {
  allowConsoleError(/ on \S+\/admin: Failed to load resource: .* status of 404/);
  const buyer = await signUp("Buyer");
  const page = await signIn(buyer, "/");
  await page.goto("/admin");
  await expect(page.getByRole("button", { name: "Create company" })).toHaveCount(0);
  await expect(page.getByLabel("Find user")).toHaveCount(0);
});

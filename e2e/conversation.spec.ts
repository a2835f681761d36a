// The conversation a buyer and a representative carry, each in their own browser.
import {
  companyWithRepresentative,
  PASSWORD,
  replyAsCompany,
  signUp,
  startChat,
  uniqueTag,
} from "./support/api";
import { expect, test } from "./support/fixtures";
import {
  ChatListPage,
  CompaniesPage,
  ConversationPage,
  escapeRegExp,
  nav,
  registerThroughForm,
} from "./support/pages";

test("a buyer signs up, starts a chat from the directory, and a representative answers it", async ({
  page,
  signIn,
}) => {
  const { company, representative } = await companyWithRepresentative("Harbor Homes");
  const tag = uniqueTag();
  const buyer = { name: `Buyer ${tag}`, email: `buyer-${tag}@example.test`, password: PASSWORD };
  const question = `Is the flat on Quay Street still available? (${tag})`;
  const answer = `Yes, viewings are on Saturdays. (${tag})`;

  await registerThroughForm(page, buyer);
  await nav(page).getByRole("link", { name: "Companies" }).click();
  const companies = new CompaniesPage(page);
  await companies.search(company.name);
  await companies.startChatButton(company.name).click();
  await expect(page).toHaveURL(/\/inbox\/\d+$/);
  const chatPath = new URL(page.url()).pathname;
  const chatId = chatPath.split("/").at(-1);

  const buyerChat = new ConversationPage(page);
  await buyerChat.send(question);
  await expect(buyerChat.message(question)).toContainText("Sent");
  await expect(buyerChat.message(question)).not.toContainText("Seen");

  // The representative, in another browser: the new chat is in the console, unread.
  const repPage = await signIn(representative, "/console");
  const consoleList = new ChatListPage(repPage);
  await expect(consoleList.unreadBadge(buyer.name)).toBeVisible();
  await consoleList.row(buyer.name).click();
  await expect(repPage).toHaveURL(`/console/chats/${chatId}`);
  const repChat = new ConversationPage(repPage);
  await expect(repChat.message(question)).toBeVisible();
  await expect(repPage.getByText(buyer.email)).toBeVisible();

  // Viewing it marked it read: the badge is gone from the console list.
  await repPage.getByRole("link", { name: "Back to console" }).click();
  await expect(consoleList.row(buyer.name)).toBeVisible();
  await expect(consoleList.unreadBadge(buyer.name)).toHaveCount(0);
  // …and the buyer sees "Seen" under the message the company read.
  await expect(buyerChat.message(question)).toContainText("Seen");

  // The buyer waits in the inbox; the reply arrives there, unread.
  await nav(page).getByRole("link", { name: "My chats" }).click();
  const inbox = new ChatListPage(page);
  await expect(inbox.row(company.name)).toBeVisible();
  await consoleList.row(buyer.name).click();
  await repChat.send(answer);
  await expect(repChat.message(answer)).toContainText("Sent");
  await expect(inbox.unreadBadge(company.name)).toBeVisible();
  await expect(inbox.row(company.name)).toContainText(answer);

  await inbox.row(company.name).click();
  await expect(page).toHaveURL(chatPath);
  await expect(buyerChat.message(answer)).toBeVisible();
  // The buyer viewed the reply: the representative sees "Seen" under it.
  await expect(repChat.message(answer)).toContainText("Seen");
  await expect(repChat.message(answer)).toContainText(representative.name);
});

test("the inbox lists chats by latest activity, with the last message as preview", async ({ signIn }) => {
  const [first, second, buyer] = await Promise.all([
    companyWithRepresentative("Older Estates"),
    companyWithRepresentative("Newer Estates"),
    signUp("Buyer"),
  ]);
  await startChat(buyer, first.company, "Asking the first company.");
  await startChat(buyer, second.company, "Asking the second company.");

  const page = await signIn(buyer, "/inbox");
  const inbox = new ChatListPage(page);
  const rows = page.getByRole("link", {
    name: new RegExp(`^\\s*(${escapeRegExp(first.company.name)}|${escapeRegExp(second.company.name)})`),
  });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(second.company.name);
  await expect(inbox.row(second.company.name)).toContainText("Asking the second company.");

  // A newer message in the older chat moves it to the top.
  const repPage = await signIn(first.representative, "/console");
  await new ChatListPage(repPage).row(buyer.name).click();
  await new ConversationPage(repPage).send("Answering the first buyer question.");
  await expect(rows.first()).toContainText(first.company.name);
  await expect(inbox.row(first.company.name)).toContainText("Answering the first buyer question.");
});

test("Open chat returns to the existing chat, where a reply arrives and is announced", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Return Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Is the price negotiable?");

  const page = await signIn(buyer, "/companies");
  const companies = new CompaniesPage(page);
  await companies.search(company.name);
  await expect(companies.card(company.name)).toBeVisible();
  await expect(companies.startChatButton(company.name)).toHaveCount(0);
  await companies.openChatButton(company.name).click();
  await expect(page).toHaveURL(`/inbox/${chatId}`);
  const chat = new ConversationPage(page);
  await expect(chat.message("Is the price negotiable?")).toBeVisible();

  const reply = `A little, for a quick sale. (${uniqueTag()})`;
  await replyAsCompany(representative, chatId, reply);
  await expect(chat.message(reply)).toBeVisible();
  // Screen readers hear it without leaving the composer.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: reply })).toContainText(
    `New message from ${company.name}`,
  );
});

test("a buyer who opens a chat with unread replies and answers sees the answer sent", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Reply Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Is the flat still for sale?");
  await replyAsCompany(representative, chatId, "It is.");
  await replyAsCompany(representative, chatId, "Viewings are on Saturday morning.");

  const page = await signIn(buyer, `/inbox/${chatId}`);
  const chat = new ConversationPage(page);
  await expect(chat.message("Saturday morning")).toBeVisible();
  const answer = `Saturday works for me. (${uniqueTag()})`;
  await chat.send(answer);
  await expect(chat.message(answer)).toContainText("Sent");
  await page.reload();
  await expect(chat.message(answer)).toBeVisible();
});

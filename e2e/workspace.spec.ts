// The representative's workspace: who answers a chat, and what representatives tell each other.
// One representative hands a chat to a colleague, who sees it arrive under "Mine" in their own
// open console, with no reload; the colleague writes an internal note, which the other
// representative sees live and the buyer, in their own open conversation, never does.
import type { Page } from "@playwright/test";
import { companyWithRepresentative, linkRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expect, test } from "./support/fixtures";
import { ChatContextPanel, ChatListPage, ConversationPage } from "./support/pages";

/** Marks the page's JavaScript realm; a reload or full navigation would lose the mark. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { workspaceSpecMark: true }));
const stillSamePage = (page: Page) => page.evaluate(() => "workspaceSpecMark" in window);

test("a chat assigned to a colleague appears under their Mine live; their note never reaches the buyer", async ({
  signIn,
}) => {
  const tag = uniqueTag();
  const [{ company, representative }, colleague, buyer] = await Promise.all([
    companyWithRepresentative("Workspace Homes"),
    signUp("Colleague"),
    signUp("Buyer"),
  ]);
  await linkRepresentative(colleague, company);
  const opening = `Can I see the flat on Saturday? (${tag})`;
  const chatId = await startChat(buyer, company, opening);

  // The colleague has nothing of their own yet.
  const colleaguePage = await signIn(colleague, `/console?company_id=${company.id}&assignee=me`);
  const colleagueList = new ChatListPage(colleaguePage);
  await expect(colleagueList.tab("Mine")).toHaveAttribute("aria-current", "page");
  await expect(colleagueList.tab("Mine")).toContainText("0 open");
  await expect(colleagueList.tab("Unassigned")).toContainText("1 open");
  await expect(colleagueList.row(buyer.name)).toHaveCount(0);
  await markPage(colleaguePage);

  const buyerPage = await signIn(buyer, `/inbox/${chatId}`);
  const buyerChat = new ConversationPage(buyerPage);
  await expect(buyerChat.message(opening)).toBeVisible();
  await markPage(buyerPage);

  // The representative hands the chat over from its context panel.
  const repPage = await signIn(representative, `/console/chats/${chatId}`);
  const repPanel = new ChatContextPanel(repPage);
  await expect(repPanel.assignee).toContainText("Unassigned");
  await repPanel.assignTo(colleague.name);

  // It arrives in the colleague's open "Mine", counted, without a reload.
  await expect(colleagueList.row(buyer.name)).toBeVisible();
  await expect(colleagueList.tab("Mine")).toContainText("1 open");
  await expect(colleagueList.tab("Unassigned")).toContainText("0 open");

  // The colleague opens it (a client-side navigation) and leaves a note for the team.
  await colleagueList.row(buyer.name).click();
  await expect(colleaguePage).toHaveURL(new RegExp(`/console/chats/${chatId}$`));
  const colleaguePanel = new ChatContextPanel(colleaguePage);
  await expect(colleaguePanel.assignee).toContainText("Assigned to you");
  await expect(colleaguePage.getByText("Internal note — the buyer never sees this")).toBeVisible();
  const note = `Buyer prefers calls after 6 pm (${tag})`;
  await colleaguePanel.writeNote(note);
  // The representative's open conversation gets it through the live stream.
  await expect(repPanel.notes.filter({ hasText: note })).toBeVisible();

  // A reply written after the note reaches the buyer; events arrive in order, so the note would
  // have arrived before it. It did not, and reloading does not bring it either.
  const reply = `Saturday at 11 works. (${tag})`;
  await new ConversationPage(colleaguePage).send(reply);
  await expect(buyerChat.message(reply)).toBeVisible();
  await expect(buyerPage.getByText(note)).toHaveCount(0);
  await expect(buyerPage.getByText(/internal note/i)).toHaveCount(0);
  for (const page of [colleaguePage, buyerPage]) {
    expect(await stillSamePage(page), "the page was reloaded").toBe(true);
  }
  await buyerPage.reload();
  await expect(buyerChat.message(reply)).toBeVisible();
  await expect(buyerPage.getByText(note)).toHaveCount(0);
});

test("a representative marks themselves away and back, and the console remembers", async ({ signIn }) => {
  const { company, representative } = await companyWithRepresentative("Away Homes");
  const page = await signIn(representative, `/console?company_id=${company.id}`);
  const available = page.getByRole("switch", { name: "Available for new chats" });
  await expect(available).toHaveAttribute("aria-checked", "true");

  await available.click();
  await expect(available).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("No new chats come to you; yours stay yours.")).toBeVisible();
  await page.reload();
  await expect(available).toHaveAttribute("aria-checked", "false");

  await available.click();
  await expect(available).toHaveAttribute("aria-checked", "true");
  await page.reload();
  await expect(available).toHaveAttribute("aria-checked", "true");
});

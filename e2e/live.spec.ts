// Live delivery between two people, each in their own browser: what one does appears on the
// other's screen through the event stream, with no reload and no polling (pages poll only
// while the stream is down, and the note saying so must stay absent).
import type { Page } from "@playwright/test";
import { companyWithRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expect, test } from "./support/fixtures";
import { ConversationPage } from "./support/pages";

/** Marks the page's JavaScript realm; a reload or full navigation would lose the mark. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { liveSpecMark: true }));
const stillSamePage = (page: Page) => page.evaluate(() => "liveSpecMark" in window);

const pollingNote = (page: Page) => page.getByText("Live updates are paused");

test("typing, messages and Seen reach the other person's open conversation without reload", async ({
  signIn,
}) => {
  const tag = uniqueTag();
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Live Homes"),
    signUp("Live Buyer"),
  ]);
  const opening = `Does the loft have parking? (${tag})`;
  const chatId = await startChat(buyer, company, opening);

  const buyerPage = await signIn(buyer, `/inbox/${chatId}`);
  const buyerChat = new ConversationPage(buyerPage);
  await expect(buyerChat.message(opening)).toContainText("Sent");
  await expect(buyerChat.message(opening)).not.toContainText("Seen");
  await markPage(buyerPage);

  // The representative opens the chat: reading it puts "Seen" under the buyer's message.
  const repPage = await signIn(representative, `/console/chats/${chatId}`);
  const repChat = new ConversationPage(repPage);
  await expect(repChat.message(opening)).toBeVisible();
  await markPage(repPage);
  await expect(buyerChat.message(opening)).toContainText("Seen");

  // The representative types: the buyer is told, and the line goes once typing stops.
  await repChat.composer.pressSequentially("Yes, one space", { delay: 20 });
  const repTyping = buyerPage.getByText(`${representative.name} is typing…`);
  await expect(repTyping).toBeVisible();
  await expect(repTyping).toBeHidden({ timeout: 10_000 });

  // The reply appears in the buyer's open conversation; the buyer's view reads it, and the
  // representative sees "Seen" under it.
  const reply = `Yes, one space in the garage. (${tag})`;
  await repChat.composer.fill(reply);
  await repChat.sendButton.click();
  await expect(buyerChat.message(reply)).toBeVisible();
  await expect(repChat.message(reply)).toContainText("Seen");

  // And the other way: the buyer types and answers.
  await buyerChat.composer.pressSequentially("Great", { delay: 20 });
  await expect(repPage.getByText(`${buyer.name} is typing…`)).toBeVisible();
  const thanks = `Great, thank you! (${tag})`;
  await buyerChat.composer.fill(thanks);
  await buyerChat.sendButton.click();
  await expect(repChat.message(thanks)).toBeVisible();
  await expect(buyerChat.message(thanks)).toContainText("Seen");

  for (const page of [buyerPage, repPage]) {
    expect(await stillSamePage(page), "the page was reloaded").toBe(true);
    await expect(pollingNote(page)).toHaveCount(0);
  }
});

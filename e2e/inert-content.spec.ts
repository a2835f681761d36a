// Whatever people type is shown as text: no markup, no links to scripts, and no word so long
// that it pushes a phone screen sideways.

import type { Page } from "@playwright/test";
import { companyWithRepresentative, replyAsCompany, signUp, startChat, uniqueTag } from "./support/api";
import { expectNoHorizontalScroll, PHONE } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { ChatListPage, ConversationPage } from "./support/pages";

test.use({ viewport: PHONE });

const longWord = `Pneumonoultramicroscopicsilicovolcanoconiosis${"x".repeat(300)}`;
const longUrl = `https://example.test/listings/${"a1b2c3".repeat(50)}`;
const hostile = [
  "<img src=x onerror=alert(1)>",
  "<b>bold</b> and <script>alert(2)</script>",
  "[click me](javascript:alert(3)) or javascript:alert(4)",
  '<a href="javascript:alert(5)">open</a>',
  longWord,
  longUrl,
].join("\n");

/** The message is on the page as the literal text typed, and created no element. */
async function expectInert(page: Page, text: string): Promise<void> {
  const chat = new ConversationPage(page);
  const message = chat.message("<img src=x onerror=alert(1)>");
  await expect(message).toBeVisible();
  for (const line of text.split("\n")) await expect(message).toContainText(line);
  await expect(chat.thread.locator("img, b, script, iframe, object, embed")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // The bubble wraps the long word instead of clipping it or scrolling inside itself.
  const geometry = await message.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    right: element.getBoundingClientRect().right,
  }));
  expect(geometry.scrollWidth, "message content width").toBeLessThanOrEqual(geometry.clientWidth);
  expect(geometry.right, "message right edge").toBeLessThanOrEqual(PHONE.width);
  await expectNoHorizontalScroll(page);
}

test("markup, script links and very long words render as inert text at 360 px", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Tidy Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, `Hello (${uniqueTag()})`);

  // Typed by the buyer in the composer…
  const buyerPage = await signIn(buyer, `/inbox/${chatId}`);
  const buyerChat = new ConversationPage(buyerPage);
  await buyerChat.composer.fill(hostile);
  await buyerChat.sendButton.click();
  // Measured once the server's copy has replaced the optimistic one.
  await expect(buyerChat.message("<img src=x onerror=alert(1)>")).toContainText("Sent");
  await expectInert(buyerPage, hostile);
  await buyerPage.reload(); // …as the server renders it too
  await expectInert(buyerPage, hostile);

  // …read by the representative, and the list's preview of it.
  const repPage = await signIn(representative, "/console");
  await expect(new ChatListPage(repPage).row(buyer.name)).toBeVisible();
  await expect(repPage.locator("img[src=x], b")).toHaveCount(0);
  await expectNoHorizontalScroll(repPage);
  await repPage.goto(`/console/chats/${chatId}`);
  await expectInert(repPage, hostile);

  // The company's side goes through the same rendering.
  await replyAsCompany(representative, chatId, `Reply ${hostile}`);
  await expect(buyerChat.messages.filter({ hasText: "Reply <img" })).toBeVisible();
  await expect(buyerChat.thread.locator("img, b, script")).toHaveCount(0);
  await expectNoHorizontalScroll(buyerPage);
  await buyerPage.goto("/inbox");
  await expect(new ChatListPage(buyerPage).row(company.name)).toBeVisible();
  await expect(buyerPage.locator("img[src=x], b")).toHaveCount(0);
  await expectNoHorizontalScroll(buyerPage);
});

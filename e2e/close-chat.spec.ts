// Closing a chat stops both sides from writing, and says why; reopening lets them write again.
import { companyWithRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expect, test } from "./support/fixtures";
import { ConversationPage } from "./support/pages";

test("closing a chat blocks the composer on both sides; reopening restores it", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Meadow Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Can we visit on Saturday?");

  const buyerPage = await signIn(buyer, `/inbox/${chatId}`);
  const repPage = await signIn(representative, `/console/chats/${chatId}`);
  const buyerChat = new ConversationPage(buyerPage);
  const repChat = new ConversationPage(repPage);
  await buyerChat.expectComposerOpen();
  await repChat.expectComposerOpen();

  await repPage.getByRole("button", { name: "Close chat" }).click();
  await repChat.expectComposerBlocked();
  await buyerChat.expectComposerBlocked();
  // The explanation survives a reload: it comes from the chat, not from the click.
  await buyerPage.reload();
  await buyerChat.expectComposerBlocked();

  await repPage.getByRole("button", { name: "Reopen chat" }).click();
  await repChat.expectComposerOpen();
  await buyerChat.expectComposerOpen();
  const followUp = `Saturday at ten, then. (${uniqueTag()})`;
  await buyerChat.send(followUp);
  // "Seen" at once if the representative's open page marks it read first.
  await expect(buyerChat.message(followUp)).toContainText(/Sent|Seen/);
  await expect(repChat.message(followUp)).toBeVisible();
});

// Screenshots at phone and desktop widths for a reviewer to look at (not compared):
// test-results/screenshots/*.png, also attached to the HTML report. Everything is seeded over the
// API, so the pictures are taken even when a flow tested elsewhere is broken.
import { companyWithRepresentative, replyAsCompany, sendAsBuyer, signUp, startChat } from "./support/api";
import { saveScreenshots } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { ChatListPage, ConversationPage } from "./support/pages";

test("inbox, conversation and console at phone and desktop widths", async ({ signIn }, testInfo) => {
  const [harbor, meadow, buyer] = await Promise.all([
    companyWithRepresentative("Harbor Homes"),
    companyWithRepresentative("Meadow Estates"),
    signUp("Jordan"),
  ]);
  const chatId = await startChat(
    buyer,
    harbor.company,
    "Hi! Is the two-bedroom flat on Quay Street still for sale?",
  );
  await replyAsCompany(harbor.representative, chatId, "It is. Would you like to see it this week?");
  await replyAsCompany(
    harbor.representative,
    chatId,
    "We have viewings on Thursday at 5 pm and Saturday morning.",
  );
  await sendAsBuyer(buyer, chatId, "Saturday works for me. See you then!");
  await startChat(buyer, meadow.company, "Do you have anything with a garden under 400k?");

  const page = await signIn(buyer, "/inbox");
  await expect(new ChatListPage(page).row(harbor.company.name)).toBeVisible();
  await saveScreenshots(page, "inbox", testInfo);

  await page.goto(`/inbox/${chatId}`);
  const chat = new ConversationPage(page);
  await expect(chat.message("Saturday works")).toContainText("Sent");
  await saveScreenshots(page, "conversation", testInfo);

  const repPage = await signIn(harbor.representative, "/console");
  await expect(new ChatListPage(repPage).row(buyer.name)).toBeVisible();
  await saveScreenshots(repPage, "console", testInfo);

  await repPage.goto(`/console/chats/${chatId}`);
  await expect(new ConversationPage(repPage).message("Saturday works")).toBeVisible();
  await saveScreenshots(repPage, "console-conversation", testInfo);
});

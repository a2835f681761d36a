// The composer: keyboard sending, the length counter, and a failed send and its retry. (That a
// retry whose first answer was lost is stored once is the API's job: tests/http covers the key.)
import { companyWithRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expect, type SignIn, test } from "./support/fixtures";
import { ConversationPage } from "./support/pages";

async function openChat(signIn: SignIn) {
  const [{ company }, buyer] = await Promise.all([companyWithRepresentative("Keys Homes"), signUp("Buyer")]);
  const chatId = await startChat(buyer, company, "Hello there.");
  const page = await signIn(buyer, `/inbox/${chatId}`);
  return { page, chatId, chat: new ConversationPage(page) };
}

test("Enter sends, Shift+Enter breaks the line, and a counter appears near the limit", async ({ signIn }) => {
  const { chat } = await openChat(signIn);
  const tag = uniqueTag();
  await chat.composer.click();
  await chat.composer.pressSequentially(`First line ${tag}`);
  await chat.composer.press("Shift+Enter");
  await chat.composer.pressSequentially("second line");
  await expect(chat.message(tag)).toHaveCount(0);
  await chat.composer.press("Enter");
  const sent = chat.message(tag);
  await expect(sent).toContainText("Sent");
  expect(await sent.textContent()).toContain(`First line ${tag}\nsecond line`);
  await expect(chat.composer).toHaveValue("");
  await expect(chat.composer).toBeFocused();

  await chat.composer.fill("x".repeat(4600));
  await expect(chat.page.getByText("4,600 / 5,000")).toBeVisible();
  await chat.composer.fill("x".repeat(5001));
  await expect(chat.page.getByText(/1 characters? over the 5,000 limit/)).toBeVisible();
  await expect(chat.sendButton).toBeDisabled();
  await chat.composer.press("Enter");
  await expect(chat.messages.filter({ hasText: "x".repeat(5001) })).toHaveCount(0);
});

test("a send that fails shows Failed with Retry; Retry sends it", async ({ signIn, allowConsoleError }) => {
  // The browser logs the aborted request itself.
  allowConsoleError(/Failed to load resource: net::ERR_FAILED/);
  const { page, chatId, chat } = await openChat(signIn);
  const text = `Can I bring my dog to the viewing? (${uniqueTag()})`;

  // The first POST never reaches the server.
  let failed = false;
  await page.route(`**/api/v1/chats/${chatId}/messages`, async (route) => {
    if (route.request().method() !== "POST" || failed) return route.continue();
    failed = true;
    await route.abort("failed");
  });

  await chat.send(text);
  const message = chat.message(text);
  await expect(message).toContainText("Failed");
  await expect(chat.composer).toHaveValue("");
  await chat.retryButton(text).click();
  await expect(message).toContainText("Sent");
  await expect(chat.message(text)).toHaveCount(1);
  await page.reload();
  await expect(chat.message(text)).toHaveCount(1);
});

// Another tenant's chat is the 404 page, with nothing of the chat on it.
import { companyWithRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expect, test } from "./support/fixtures";
import { ConversationPage, expectNotFoundPage } from "./support/pages";

async function seedChat() {
  const [mine, theirs, buyer] = await Promise.all([
    companyWithRepresentative("Own Estates"),
    companyWithRepresentative("Rival Estates"),
    signUp("Buyer"),
  ]);
  const secret = `My budget is exactly 415,000 (${uniqueTag()})`;
  const chatId = await startChat(buyer, mine.company, secret);
  return { mine, theirs, buyer, secret, chatId };
}

test.beforeEach(({ allowConsoleError }) => {
  // Chromium logs the 404 status of the document itself as a console error.
  allowConsoleError(/ on \S+\/(inbox|console\/chats)\/\S+: Failed to load resource: .* status of 404/);
});

test("a representative of another company gets the 404 page for the chat", async ({ signIn }) => {
  const { theirs, mine, buyer, secret, chatId } = await seedChat();
  // The control: the chat's own representative sees it at that address.
  const ownPage = await signIn(mine.representative, `/console/chats/${chatId}`);
  await expect(new ConversationPage(ownPage).message(secret)).toBeVisible();

  const page = await signIn(theirs.representative, "/console");
  await expectNotFoundPage(page, `/console/chats/${chatId}`);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByText(buyer.name)).toHaveCount(0);
  await expect(page.getByText(mine.company.name)).toHaveCount(0);
});

test("a buyer gets the 404 page for another buyer's chat, and for the console side of it", async ({
  signIn,
}) => {
  const { secret, chatId, buyer } = await seedChat();
  // The control: the chat's own buyer sees it at that address.
  const ownerPage = await signIn(buyer, `/inbox/${chatId}`);
  await expect(new ConversationPage(ownerPage).message(secret)).toBeVisible();

  const otherBuyer = await signUp("Other buyer");
  const page = await signIn(otherBuyer, "/inbox");
  await expectNotFoundPage(page, `/inbox/${chatId}`);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expectNotFoundPage(page, `/console/chats/${chatId}`);
  await expect(page.getByText(secret)).toHaveCount(0);

  // The chat's own buyer is not a representative: the console side is not theirs either.
  await expectNotFoundPage(ownerPage, `/console/chats/${chatId}`);
  await expect(ownerPage.getByText(secret)).toHaveCount(0);
});

test("a chat that does not exist is the same 404 page", async ({ signIn }) => {
  const buyer = await signUp("Buyer");
  const page = await signIn(buyer, "/inbox");
  await expectNotFoundPage(page, "/inbox/999999999");
  await expectNotFoundPage(page, "/inbox/not-a-number");
  await expectNotFoundPage(page, "/inbox/99999999999"); // beyond a 32-bit id
  await expectNotFoundPage(page, "/console/chats/999999999");
});

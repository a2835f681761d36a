// Saved replies in the console composer: "/" and a few letters list the company's replies, the
// keyboard picks one, and it lands in the composer filled for this chat (the buyer's name, the
// listing they asked about, the representative's own name), ready to edit before sending. Escape
// closes the list and leaves the text as typed. The buyer's composer has no picker.
import {
  askAboutListing,
  companyWithRepresentative,
  createSavedReply,
  putListing,
  signUp,
  uniqueTag,
} from "./support/api";
import { expectAccessible } from "./support/audit";
import { expect, test } from "./support/fixtures";

test("the representative types /gre, picks a reply with the keyboard and gets it filled for the chat", async ({
  signIn,
}) => {
  const tag = uniqueTag();
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Replies Homes"),
    signUp("Buyer"),
  ]);
  const listing = await putListing(representative, { title: `Loft by the river ${tag}` });
  const chatId = await askAboutListing(buyer, company, listing, "Is the loft still available?");
  // Listed by shortcut: "great-view" comes before "greet".
  await createSavedReply(representative, { shortcut: "great-view", content: "The view is great." });
  await createSavedReply(representative, {
    shortcut: "greet",
    content: "Hi {{buyer.name}}, I am {{rep.name}}. {{listing.title}} is still available.",
  });

  const page = await signIn(representative, `/console/chats/${chatId}`);
  const composer = page.getByRole("combobox", { name: "Message" });
  const replies = page.getByRole("listbox", { name: "Saved replies" });
  await expect(composer).toHaveAttribute("aria-expanded", "false");

  // Escape closes the list and keeps what was typed.
  await composer.pressSequentially("/gre");
  await expect(replies.getByRole("option")).toHaveText([/^\/great-view/, /^\/greet/]);
  await expect(composer).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page, "console conversation with the saved-reply picker open");
  await composer.press("Escape");
  await expect(replies).toBeHidden();
  await expect(composer).toHaveAttribute("aria-expanded", "false");
  await expect(composer).toHaveValue("/gre");

  // A new slash word opens it again; ArrowDown moves to the second reply, Enter inserts it.
  await composer.fill("");
  await composer.pressSequentially("/gre");
  await expect(replies.getByRole("option", { selected: true })).toContainText("/great-view");
  await composer.press("ArrowDown");
  const greet = replies.getByRole("option", { selected: true });
  await expect(greet).toContainText("/greet");
  await expect(composer).toHaveAttribute("aria-activedescendant", (await greet.getAttribute("id")) ?? "");
  await composer.press("Enter");
  await expect(composer).toHaveValue(
    `Hi ${buyer.name}, I am ${representative.name}. ${listing.title} is still available.`,
  );
  await expect(replies).toBeHidden();
  // Enter inserted the reply and sent nothing: the representative may still edit it.
  await expect(page.getByRole("log", { name: "Messages" }).getByText(`Hi ${buyer.name}`)).toHaveCount(0);

  // The buyer's composer is a plain textbox with no picker.
  const buyerPage = await signIn(buyer, `/inbox/${chatId}`);
  await buyerPage.getByRole("textbox", { name: "Message" }).pressSequentially("/gre");
  await expect(buyerPage.getByRole("listbox")).toHaveCount(0);
  await expect(buyerPage.getByRole("combobox")).toHaveCount(0);
});

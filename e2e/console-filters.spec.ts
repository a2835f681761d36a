// The console's filters: which company, unread only, open or closed, with counts.
import {
  addToCompanyGroup,
  companyWithRepresentative,
  createCompany,
  markReadAsCompany,
  setChatOpen,
  signUp,
  startChat,
} from "./support/api";
import { expect, test } from "./support/fixtures";
import { ChatListPage } from "./support/pages";

test("a representative of two companies filters the console by company, unread and status", async ({
  signIn,
}) => {
  // Linked to one company directly and to the other through its group.
  const [{ company: direct, representative }, grouped, unreadBuyer, readBuyer, closedBuyer] =
    await Promise.all([
      companyWithRepresentative("North Homes"),
      createCompany("South Homes"),
      signUp("Unread buyer"),
      signUp("Read buyer"),
      signUp("Closed buyer"),
    ]);
  await addToCompanyGroup(representative, grouped);
  await startChat(unreadBuyer, direct, "Still waiting for an answer.");
  const readChat = await startChat(readBuyer, grouped, "Thanks, that helps.");
  const closedChat = await startChat(closedBuyer, grouped, "We bought elsewhere.");
  await markReadAsCompany(representative, readChat);
  await markReadAsCompany(representative, closedChat);
  await setChatOpen(representative, closedChat, false);

  const page = await signIn(representative, "/console");
  const list = new ChatListPage(page);
  const filters = page.getByRole("form", { name: "Filter chats" });
  const company = filters.getByRole("combobox", { name: "Company", exact: true });
  const unreadOnly = filters.getByRole("checkbox", { name: /^Unread only/ });
  const status = filters.getByRole("combobox", { name: "Status", exact: true });
  const rows = [unreadBuyer, readBuyer, closedBuyer].map((buyer) => list.row(buyer.name));
  const expectRows = async (visible: boolean[]) => {
    for (const [index, row] of rows.entries()) {
      await expect(row).toHaveCount(visible[index] ? 1 : 0);
    }
  };
  await expectRows([true, true, true]);
  await expect(page.getByText("All (3) · Open (2) · Closed (1)")).toBeVisible();

  await company.selectOption({ label: direct.name });
  await expect(page).toHaveURL(/company_id=/);
  await expectRows([true, false, false]);

  await company.selectOption({ index: 0 });
  await unreadOnly.check();
  await expect(page).toHaveURL(/unread=/);
  await expectRows([true, false, false]);

  await unreadOnly.uncheck();
  await status.selectOption({ label: "Closed" });
  await expect(page).toHaveURL(/is_active=/);
  await expectRows([false, false, true]);
  await expect(list.row(closedBuyer.name)).toContainText("Closed");

  await status.selectOption({ label: "Open" });
  await expectRows([true, true, false]);
});

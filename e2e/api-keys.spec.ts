// API keys from the settings page: a representative makes a company key, reads its secret once,
// uses it over HTTP to list the company's chats and reply, then revokes it and is refused.
import { BASE_URL, companyWithRepresentative, signUp, startChat, uniqueTag } from "./support/api";
import { expectAccessible, expectNoHorizontalScroll, PHONE } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { ConversationPage, nav } from "./support/pages";

/** A call with the key, as the third party's software would make it. */
async function withKey(secret: string, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

test("a representative makes a company key, uses it to reply, and revokes it", async ({ signIn }) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Keyed Homes"),
    signUp("Buyer"),
  ]);
  const chatId = await startChat(buyer, company, "Is the loft converted?");
  const keyName = `CRM ${uniqueTag()}`;

  const page = await signIn(representative, "/");
  await nav(page).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(
    page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }),
  ).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Name").fill(keyName);
  await page.getByLabel("Acts as").selectOption({ label: `${company.name} (company key)` });
  await page.getByRole("checkbox", { name: /messages:write/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();

  const secretField = page.getByLabel("Secret key");
  await expect(secretField).toHaveValue(/^esk_[0-9a-f]{16}_/);
  const secret = await secretField.inputValue();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied to the clipboard." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectAccessible(page, "API keys with a new secret");

  const companyKeys = page.getByRole("region", { name: `Company keys of ${company.name}` });
  const row = companyKeys.getByTestId("api-key-row").filter({ hasText: keyName });
  await expect(row).toContainText("chats:read, messages:write");
  await expect(row).toContainText(secret.slice(0, 20));

  // Shown once: gone when dismissed, and not in the page after a reload.
  await page.getByRole("button", { name: "I have saved it" }).click();
  await expect(secretField).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(secret.slice(21));

  // The key at work: the company's chats, and a reply that names the key.
  const chats = await withKey(secret, "GET", "/api/v1/company/chats");
  expect(chats.status).toBe(200);
  expect(chats.body.data.map((chat: { id: number }) => chat.id)).toEqual([chatId]);
  const reply = await withKey(secret, "POST", `/api/v1/company/chats/${chatId}/messages`, {
    content: "Yes, with a skylight.",
  });
  expect(reply.status).toBe(201);
  expect(reply.body.sender).toBeNull();
  expect(reply.body.api_key.name).toBe(keyName);
  expect((await withKey(secret, "GET", "/api/v1/chats")).status).toBe(403);

  // The console says which key wrote the reply.
  await page.goto(`/console/chats/${chatId}`);
  await expect(new ConversationPage(page).message("Yes, with a skylight.")).toContainText(
    `${keyName} (API key)`,
  );

  await page.goto("/settings/api-keys");
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await row.getByRole("button", { name: `Yes, revoke ${keyName}` }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await withKey(secret, "GET", "/api/v1/company/chats")).status).toBe(401);
});

test("/settings leads to API keys; the page fits a phone", async ({ signIn }) => {
  const buyer = await signUp("Buyer");
  const page = await signIn(buyer, "/inbox");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { name: "Personal access tokens" })).toBeVisible();
  // A buyer represents no company: personal tokens only.
  await expect(page.getByLabel("Acts as").locator("option")).toHaveCount(1);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, "API keys, no keys yet");
});

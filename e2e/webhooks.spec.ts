// The webhook settings page: a representative registers a receiver, keeps the secret shown
// once, watches deliveries arrive in the log, redelivers one, disables and deletes the endpoint.
import { WebhookReceiver } from "../tests/support/webhook-receiver";
import { companyWithRepresentative, signUp, startChat } from "./support/api";
import { expectAccessible, saveScreenshots } from "./support/audit";
import { expect, test } from "./support/fixtures";

test("a representative sets up a webhook, sees its deliveries, redelivers one and removes it", async ({
  signIn,
}, testInfo) => {
  const receiver = await new WebhookReceiver().start();
  try {
    const [{ company, representative }, buyer] = await Promise.all([
      companyWithRepresentative("Hook Homes"),
      signUp("Buyer"),
    ]);
    const page = await signIn(representative, "/settings/webhooks");
    await expect(page.getByRole("heading", { name: `Endpoints of ${company.name}` })).toBeVisible();
    await expect(page.getByText("No endpoints yet")).toBeVisible();

    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel(/Chat closed/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, "webhook settings with a new secret");
    await page.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);

    const endpoints = page.getByRole("list", { name: `Webhook endpoints of ${company.name}` });
    const card = endpoints.getByRole("listitem").filter({ hasText: receiver.url });
    await expect(card).toContainText("Enabled");
    await expect(card).toContainText("Message created, Chat created, Chat closed");

    await startChat(buyer, company, "Is the loft still for sale?");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received.every((hook) => receiver.verified(secret, hook))).toBe(true);

    const endpointButton = (words: string) =>
      card.getByRole("button", { name: `${words} ${receiver.url}`, exact: true });
    await endpointButton("Show deliveries to").click();
    const rows = card
      .getByRole("list", { name: "Deliveries, newest first" })
      .getByRole("listitem")
      .filter({ hasText: "Delivered" });
    await expect(rows).toHaveCount(2, { timeout: 15_000 });
    await expectAccessible(page, "webhook settings with the delivery log");
    await saveScreenshots(page, "webhooks-settings", testInfo);
    const first = receiver.received[0];
    await card.getByRole("button", { name: `Redeliver ${first?.id}` }).click();
    await expect(card.getByRole("status").filter({ hasText: `Queued ${first?.id} again.` })).toBeVisible();
    await expect.poll(() => receiver.withId(first?.id ?? "").length, { timeout: 15_000 }).toBe(2);

    await endpointButton("Disable").click();
    await expect(card).toContainText(/Disabled by/);
    await endpointButton("Enable").click();
    await expect(card.getByText(/Disabled by/)).toHaveCount(0);

    await endpointButton("Delete").click();
    await endpointButton("Yes, delete").click();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
  } finally {
    await receiver.stop();
  }
});

test("someone who represents no company is told who sets webhooks up", async ({ signIn }) => {
  const buyer = await signUp("Buyer");
  const page = await signIn(buyer, "/settings/webhooks");
  await expect(page.getByText("Webhooks are set up by a company's representatives")).toBeVisible();
  await expectAccessible(page, "webhook settings without a company");
});

// The API reference at /docs/api: public, lists every operation of the published document, is
// accessible, fits a phone, and loads nothing from another origin (it must work offline).
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE } from "./support/audit";
import { expect, test } from "./support/fixtures";

type Operation = { operationId: string; summary: string };

test("the API reference renders every documented operation from this server alone", async ({
  page,
  baseURL,
}) => {
  // The whole reference is one long page, longer with every documented operation: axe alone
  // takes tens of seconds on it, twice (light and dark), minutes on a busy machine (3 were
  // not enough in a CI run with every lane busy).
  test.setTimeout(360_000);
  const origin = new URL(baseURL ?? "http://127.0.0.1:3000").origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== origin) elsewhere.push(url.href);
  });

  const documentAnswer = await page.request.get("/api/v1/openapi.json");
  expect(documentAnswer.status()).toBe(200);
  const doc = (await documentAnswer.json()) as {
    paths: Record<string, Record<string, Operation>>;
    tags: { name: string }[];
  };
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
  expect(operations.length).toBeGreaterThan(20);

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: /API reference/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Getting started" })).toBeVisible();
  // One read of the DOM rather than a locator per operation: the page is long.
  const rendered = await page
    .locator("section[id]")
    .evaluateAll((sections) =>
      sections
        .filter((section) => section.querySelectorAll(":scope h3").length === 1)
        .map((section) => section.id),
    );
  expect(rendered).toEqual(expect.arrayContaining(operations.map((operation) => operation.operationId)));
  const contents = page.getByRole("navigation", { name: "API operations" });
  // Getting started, each tag, each operation, and the schemas.
  await expect(contents.getByRole("link")).toHaveCount(1 + doc.tags.length + operations.length + 1);

  await contents.getByRole("link", { name: "Send a message to the company" }).click();
  await expect(page).toHaveURL(/#sendChatMessage$/);
  await expect(page.locator("#sendChatMessage").getByText('"content":')).toBeVisible();

  const download = page.getByRole("link", { name: "Download the OpenAPI document" });
  await expect(download).toHaveAttribute("href", "/api/v1/openapi.json");

  await expectAccessible(page, "api docs");
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await expectNoHorizontalScroll(page);
  }
  expect(elsewhere, "requests to other origins").toEqual([]);
});

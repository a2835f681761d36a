// A buyer asks about a home from its page; the representative sees the home with the question
// and in the conversation's context panel, after one asked about earlier (sold since). A lead a
// portal then posts for the buyer says where it came from, on both sides.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  askAboutListing,
  companyWithRepresentative,
  postLead,
  putListing,
  signUp,
  uniqueTag,
} from "./support/api";
import { expect, test } from "./support/fixtures";
import { ConversationPage, ListingPage } from "./support/pages";

// Listing photos are links to the portals' own hosts: this stands in for one, on another origin
// than the app, so the page's CSP must allow it for the photo to show.
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#4a7"/></svg>`;
let photoHost: Server;
let photoUrl: string;
test.beforeAll(async () => {
  photoHost = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "image/svg+xml" }).end(PHOTO);
  });
  await new Promise<void>((resolve) => photoHost.listen(0, "127.0.0.1", resolve));
  photoUrl = `http://127.0.0.1:${(photoHost.address() as AddressInfo).port}/loft.svg`;
});
test.afterAll(() => new Promise<void>((resolve) => photoHost.close(() => resolve())));

test("a buyer asks about a listing; the representative sees its card and the listings asked about", async ({
  signIn,
}) => {
  const [{ company, representative }, buyer] = await Promise.all([
    companyWithRepresentative("Quay Homes"),
    signUp("Buyer"),
  ]);
  const tag = uniqueTag();
  const loftUrl = `https://homes.example/loft-${tag}`;
  const [loft, cottage] = await Promise.all([
    putListing(representative, {
      title: `Loft on Quay Street ${tag}`,
      address: "12 Quay Street",
      url: loftUrl,
      image_url: photoUrl,
      price: { amount: 420_000, currency: "EUR" },
      attributes: { bedrooms: 2, area_m2: 84 },
    }),
    putListing(representative, { title: `Cottage by the mill ${tag}` }),
  ]);
  // Asked about first, and sold since: it stays in the panel, second and marked.
  await askAboutListing(buyer, company, cottage, "Is the cottage still for sale?");
  await putListing(representative, { title: cottage.title, status: "sold" }, cottage.externalId);

  const page = await signIn(buyer, `/listings/${loft.id}`);
  await expect(page.getByRole("heading", { level: 1, name: loft.title })).toBeVisible();
  await expect(page.getByText("€420,000")).toBeVisible();
  await expect(page.getByText("Bedrooms")).toBeVisible();
  const question = `Can I see the loft on Saturday? (${tag})`;
  await new ListingPage(page).ask(question);
  const chatId = new URL(page.url()).pathname.split("/").at(-1);
  const buyerChat = new ConversationPage(page);
  await expect(buyerChat.listingCard(question)).toContainText(loft.title);

  const repPage = await signIn(representative, `/console/chats/${chatId}`);
  const repChat = new ConversationPage(repPage);
  const card = repChat.listingCard(question);
  await expect(card).toContainText(loft.title);
  await expect(card).toContainText("€420,000");
  await expect(
    card.getByRole("link", { name: `View listing “${loft.title}” (opens in a new tab)` }),
  ).toHaveAttribute("href", loftUrl);
  const asked = repChat.listingsAskedAbout();
  await expect(asked).toHaveCount(2);
  await expect(asked.nth(0)).toContainText(loft.title);
  await expect(asked.nth(1)).toContainText(cottage.title);
  await expect(asked.nth(1).getByTestId("listing-status")).toHaveText("Sold");
  await expect(asked.nth(1)).toContainText("Price on request");
  // The photo came from the other host: the browser loaded it rather than the CSP blocking it.
  const photo = asked.nth(0).locator("img");
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  const leadText = `Is the loft's parking space included? (${tag})`;
  await postLead(representative, {
    email: buyer.email,
    name: buyer.name,
    message: leadText,
    source: "Zillow",
    listing_external_id: loft.externalId,
  });
  await expect(repChat.message(leadText)).toContainText(`${buyer.name} via Zillow`);
  await expect(buyerChat.message(leadText)).toContainText("You via Zillow");
});

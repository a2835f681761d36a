// Listings for HTTP tests and tables of routes: a valid body, and listings of a company made
// through the API (by the admin, who names the company like any caller who answers for several).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { type Answer, call, uniqueEmail } from "./http";

export const uid = () => randomUUID().slice(0, 8);

/** A listing body the schema accepts; `overrides` changes what a test is about. */
export const listingBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Flat ${uid()}`,
  address: "12 Harbour Street",
  url: "https://homes.example/flats/1",
  image_url: "https://homes.example/photos/1.jpg",
  price: { amount: 349000, currency: "EUR" },
  attributes: { bedrooms: 2, floor_area: 74 },
  ...overrides,
});

export type ListingJson = { id: number; external_id: string; status: string; [key: string]: unknown };

export const listingPath = (companyId: number, externalId: string) =>
  `/api/v1/company/listings/${encodeURIComponent(externalId)}?company_id=${companyId}`;

/** Creates (or replaces) a listing of the company with the given token; fails the test otherwise. */
export async function putListing(
  token: string,
  companyId: number,
  externalId = `L-${uid()}`,
  overrides: Record<string, unknown> = {},
): Promise<ListingJson> {
  const answer = await call("PUT", listingPath(companyId, externalId), {
    token,
    body: listingBody(overrides),
  });
  assert.ok(
    answer.status === 201 || answer.status === 200,
    `putting a listing: ${answer.status} ${answer.text}`,
  );
  return answer.body;
}

/** What the fixtures need: the admin's token and the company the listings belong to. */
export type ListingWorld = { admin: string; companyA: number };

const shared = new Map<number, Promise<ListingJson>>();
/** One listing of company A for routes that only read it. */
export function sharedListing(w: ListingWorld): Promise<ListingJson> {
  let known = shared.get(w.companyA);
  if (!known) {
    known = putListing(w.admin, w.companyA);
    shared.set(w.companyA, known);
  }
  return known;
}

/** A new listing of company A, for routes that change it (one per caller). */
export const freshListing = (w: ListingWorld) => putListing(w.admin, w.companyA);

/** A company key of company A (made by its direct representative) with these scopes. */
export async function companyKeyOf(
  w: { directRep: { token: string }; companyA: number },
  scopes: string[],
): Promise<string> {
  const made = await call("POST", "/api/v1/api-keys", {
    token: w.directRep.token,
    body: { name: `listings ${uid()}`, scopes, company_id: w.companyA },
  });
  assert.equal(made.status, 201, `making a company key: ${made.text}`);
  return made.body.secret;
}

/** A refusal: this status as problem+json, naming `field` in errors[] when given. */
export function assertProblem(answer: Answer, status: number, field?: string): void {
  assert.equal(answer.status, status, answer.text.slice(0, 400));
  assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.equal(answer.body?.status, status);
  if (field === undefined) return;
  const fields = ((answer.body?.errors ?? []) as { field: string }[]).map((issue) => issue.field);
  assert.ok(fields.includes(field), `errors[] names ${field}: ${JSON.stringify(answer.body?.errors)}`);
}

export type LeadBody = {
  email: string;
  name: string;
  message: string;
  source: string;
  [field: string]: unknown;
};

/** A lead as a portal posts it; `overrides` changes what a test is about. */
export const aLead = (overrides: Partial<LeadBody> = {}): LeadBody => ({
  email: uniqueEmail("lead"),
  name: "Ana Lead",
  phone: "+351 912 345 678",
  message: `Can I visit on Saturday? ${uid()}`,
  source: "Idealista",
  ...overrides,
});

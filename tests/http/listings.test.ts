// Listings over HTTP: a company keeps its homes here by their own ids (one at a time or a feed of
// 500), buyers read them and ask about them, a withdrawn one stays on the chats that mention it;
// and every refusal the issue lists, each a clear 4xx that writes nothing.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { type Answer, call, makeWorld, signUp, uniqueEmail, type World } from "../support/http";
import {
  aLead,
  assertProblem,
  companyKeyOf,
  type LeadBody,
  type ListingJson,
  listingBody,
  listingPath,
  putListing,
  uid,
} from "../support/listing-fixtures";

const base = "/api/v1/company/listings";
const one = (externalId: string) => `${base}/${encodeURIComponent(externalId)}`;
const ids = (answer: Answer) => (answer.body.data as { id: number }[]).map((item) => item.id);

/** Every listing of a company, newest first, as its representative (or the admin) lists them. */
async function allListings(token: string, companyId: number): Promise<ListingJson[]> {
  const found: ListingJson[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const page = await call(
      "GET",
      `${base}?company_id=${companyId}&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      {
        token,
      },
    );
    assert.equal(page.status, 200, page.text);
    found.push(...page.body.data);
    cursor = page.body.next_cursor;
  }
  return found;
}

/** A user who represents both companies of the world: company A directly, company B by group. */
async function representativeOfBoth(w: World): Promise<string> {
  const rep = await signUp("two-companies");
  const linked = await call("PATCH", `/api/v1/admin/users/${rep.id}`, {
    token: w.admin,
    body: { company_id: w.companyA },
  });
  assert.equal(linked.status, 200, linked.text);
  const joined = await call("PUT", `/api/v1/admin/groups/company_${w.companyB}/members/${rep.id}`, {
    token: w.admin,
  });
  assert.equal(joined.status, 201, joined.text);
  return rep.token;
}

/** A feed of `count` listings as a marketplace sends them: links, an address and a few facts each. */
const feed = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    ...listingBody({
      title: `Three-bedroom house ${i}`,
      address: "Rua das Flores 123, 4050-265 Porto, Portugal",
      url: `https://homes.example/listings/porto/rua-das-flores/${i}?ref=nightly-feed`,
      image_url: `https://cdn.homes.example/photos/porto/${i}/main-large.jpg`,
      attributes: { bedrooms: 3, floor_area: 120, garden: true, floor: "ground" },
    }),
    external_id: `${prefix}-${i}`,
  }));

describe("listings: a company keeps its homes here", () => {
  it("PUT creates (201) then replaces (200) by the company's own id; GET reads back what was sent", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["listings:write"]);
    // Any printable id: slashes, spaces inside, accents, all percent-encoded in the path.
    const externalId = `Flat 7/B é-${uid()}`;
    const sent = listingBody({ status: "under_offer", price: { amount: 349999.99, currency: "EUR" } });
    const created = await call("PUT", one(externalId), { token: key, body: sent });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.external_id, externalId);
    assert.deepEqual(
      {
        title: created.body.title,
        address: created.body.address,
        url: created.body.url,
        image_url: created.body.image_url,
        price: created.body.price,
        status: created.body.status,
        attributes: created.body.attributes,
      },
      sent,
    );
    assert.equal(created.body.company.id, w.companyA);

    // Prices are exact: 1.15 has two decimals even though 1.15 * 100 is not 115 in floating point.
    const updated = await call("PUT", one(externalId), {
      token: key,
      body: { title: "Flat 7B, renovated", price: { amount: 1.15, currency: "USD" } },
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.id, created.body.id);
    assert.deepEqual(updated.body.price, { amount: 1.15, currency: "USD" });
    // PUT replaces: what the update left out is back to its default.
    assert.deepEqual(
      [updated.body.address, updated.body.url, updated.body.status, updated.body.attributes],
      ["", null, "active", {}],
    );
    const read = await call("GET", listingPath(w.companyA, externalId), { token: w.groupRep.token });
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body, updated.body);
    const asBuyer = await call("GET", `/api/v1/listings/${created.body.id}`, { token: w.otherBuyer.token });
    assert.deepEqual(asBuyer.body, updated.body, "any buyer reads any company's listing");
  });

  it("lists newest first, a cursor page at a time, and filters by status", async () => {
    const w = await makeWorld();
    const made = [];
    for (const status of ["active", "sold", "active"]) {
      made.push(await putListing(w.directRep.token, w.companyA, `L-${uid()}`, { status }));
    }
    const newestFirst = made.map((listing) => listing.id).reverse();
    const first = await call("GET", `${base}?limit=2`, { token: w.directRep.token });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(ids(first), newestFirst.slice(0, 2));
    assert.ok(first.body.next_cursor);
    const second = await call("GET", `${base}?limit=2&cursor=${first.body.next_cursor}`, {
      token: w.directRep.token,
    });
    assert.deepEqual(ids(second), newestFirst.slice(2));
    assert.equal(second.body.next_cursor, null);
    const sold = await call("GET", `${base}?status=sold&company_id=${w.companyA}`, { token: w.admin });
    assert.deepEqual(ids(sold), [made[1]?.id]);
    const active = await call("GET", `${base}?status=active`, { token: w.groupRep.token });
    assert.deepEqual(ids(active), [made[2]?.id, made[0]?.id]);
    const outsider = await call("GET", base, { token: w.otherRep.token });
    assert.deepEqual(ids(outsider), [], "another company's representative lists none of them");
  });

  it("a nightly feed of 500 in one call: created, then left unchanged, then partly updated", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["listings:write"]);
    const listings = feed(500, `FEED-${uid()}`);
    // What a real feed weighs: far more than the 64 KiB other bodies may.
    assert.ok(JSON.stringify({ listings }).length > 64 * 1024);
    const put = (body: unknown) => call("PUT", base, { token: key, body });
    const created = await put({ listings });
    assert.equal(created.status, 200, created.text.slice(0, 300));
    assert.deepEqual(created.body, { created: 500, updated: 0, unchanged: 0 });
    assert.deepEqual((await put({ listings })).body, { created: 0, updated: 0, unchanged: 500 });
    const changed = listings.map((listing, i) => (i < 3 ? { ...listing, status: "sold" } : listing));
    assert.deepEqual((await put({ listings: changed })).body, { created: 0, updated: 3, unchanged: 497 });
    const stored = await allListings(w.directRep.token, w.companyA);
    assert.equal(stored.length, 500);
    assert.equal(stored.filter((listing) => listing.status === "sold").length, 3);
  });

  it("DELETE withdraws: the chats that asked about the listing keep showing it, marked withdrawn", async () => {
    const w = await makeWorld();
    const listing = await putListing(w.directRep.token, w.companyA);
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, listing_id: listing.id, content: "Is there parking?" },
    });
    assert.equal(started.status, 201, started.text);
    assert.equal(started.body.initial_message.listing.id, listing.id);
    const chatId = started.body.id as number;
    const followUp = await call("POST", `/api/v1/chats/${chatId}/messages`, {
      token: w.buyer.token,
      body: { content: "And a lift?", listing_id: listing.id },
    });
    assert.equal(followUp.status, 201, followUp.text);

    const withdrawn = await call("DELETE", listingPath(w.companyA, listing.external_id), {
      token: w.groupRep.token,
    });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal(withdrawn.body.status, "withdrawn");
    const again = await call("DELETE", listingPath(w.companyA, listing.external_id), {
      token: w.directRep.token,
    });
    assert.equal(again.status, 200, "withdrawing twice is harmless");

    const messages = await call("GET", `/api/v1/chats/${chatId}/messages`, { token: w.buyer.token });
    assert.deepEqual(
      messages.body.data.map((message: { listing: { id: number; status: string; title: string } }) => [
        message.listing.id,
        message.listing.status,
        message.listing.title,
      ]),
      [
        [listing.id, "withdrawn", listing.title],
        [listing.id, "withdrawn", listing.title],
      ],
    );
    const panel = await call("GET", `/api/v1/company/chats/${chatId}/listings`, { token: w.directRep.token });
    assert.deepEqual(
      panel.body.data.map((item: ListingJson) => [item.id, item.status]),
      [[listing.id, "withdrawn"]],
    );
    const forBuyer = await call("GET", `/api/v1/listings/${listing.id}`, { token: w.buyer.token });
    assert.equal(forBuyer.body.status, "withdrawn");
    const listed = await call("GET", `${base}?status=withdrawn`, { token: w.directRep.token });
    assert.deepEqual(ids(listed), [listing.id]);
  });

  it("the console's panel lists every listing asked about in the chat, the most recently asked first", async () => {
    const w = await makeWorld();
    const [flat, house] = [
      await putListing(w.directRep.token, w.companyA),
      await putListing(w.directRep.token, w.companyA),
    ];
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, listing_id: flat.id, content: "About the flat" },
    });
    const chatId = started.body.id as number;
    for (const [listing, content] of [
      [house, "And the house?"],
      [undefined, "Either is fine"],
      [flat, "Back to the flat"],
    ] as const) {
      const sent = await call("POST", `/api/v1/chats/${chatId}/messages`, {
        token: w.buyer.token,
        body: { content, ...(listing ? { listing_id: listing.id } : {}) },
      });
      assert.equal(sent.status, 201, sent.text);
    }
    const panel = await call("GET", `/api/v1/company/chats/${chatId}/listings`, { token: w.groupRep.token });
    assert.deepEqual(ids(panel), [flat.id, house.id]);
    const outsider = await call("GET", `/api/v1/company/chats/${chatId}/listings`, {
      token: w.otherRep.token,
    });
    assert.equal(outsider.status, 404);
  });
});

type Ctx = World & {
  tag: string;
  chatId: number;
  listingA: ListingJson;
  listingB: ListingJson;
  keys: { listings: string; leads: string; chatsOnly: string; otherCompany: string };
  bothCompanies: string;
};

type Refusal = {
  name: string;
  method: string;
  path: (c: Ctx) => string;
  token: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  headers?: () => Record<string, string>;
  status: number;
  field?: string;
};

// The tag in every lead's email: the snapshot finds any contact a refused lead left behind.
const leadBody = (c: Ctx, overrides: Partial<LeadBody> = {}) =>
  aLead({ email: uniqueEmail(`lead-${c.tag}`), ...overrides });
const leadKey = () => ({ "idempotency-key": `refused-${uid()}` });
const rep = (c: Ctx) => c.directRep.token;

const REFUSALS: Refusal[] = [
  // Unknown listings, and listings of another company: 404, like a chat that is not yours.
  {
    name: "a buyer reads a listing that does not exist",
    method: "GET",
    path: () => "/api/v1/listings/2147483000",
    token: (c) => c.buyer.token,
    status: 404,
  },
  {
    name: "an external id the company does not have",
    method: "GET",
    path: () => one(`nothing-${uid()}`),
    token: rep,
    status: 404,
  },
  {
    name: "withdrawing an external id the company does not have",
    method: "DELETE",
    path: () => one(`nothing-${uid()}`),
    token: rep,
    status: 404,
  },
  {
    name: "asking about a listing that does not exist (no chat is started)",
    method: "POST",
    path: () => "/api/v1/chats",
    token: (c) => c.buyer.token,
    body: (c) => ({ company_id: c.companyB, listing_id: 2_147_483_000, content: "Is it free?" }),
    status: 404,
  },
  {
    name: "asking company B about company A's listing",
    method: "POST",
    path: () => "/api/v1/chats",
    token: (c) => c.buyer.token,
    body: (c) => ({ company_id: c.companyB, listing_id: c.listingA.id, content: "Is it free?" }),
    status: 404,
  },
  {
    name: "sending company A's chat a listing of company B",
    method: "POST",
    path: (c) => `/api/v1/chats/${c.chatId}/messages`,
    token: (c) => c.buyer.token,
    body: (c) => ({ content: "What about this one?", listing_id: c.listingB.id }),
    status: 404,
  },
  {
    name: "company B's key reads company A's listing by its external id",
    method: "GET",
    path: (c) => one(c.listingA.external_id),
    token: (c) => c.keys.otherCompany,
    status: 404,
  },
  {
    name: "company B's representative names company A to read its listing",
    method: "GET",
    path: (c) => listingPath(c.companyA, c.listingA.external_id),
    token: (c) => c.otherRep.token,
    status: 404,
  },
  {
    name: "company B's representative names company A to overwrite its listing",
    method: "PUT",
    path: (c) => listingPath(c.companyA, c.listingA.external_id),
    token: (c) => c.otherRep.token,
    body: () => listingBody({ title: "Taken over" }),
    status: 404,
  },
  {
    name: "company B's representative names company A to withdraw its listing",
    method: "DELETE",
    path: (c) => listingPath(c.companyA, c.listingA.external_id),
    token: (c) => c.otherRep.token,
    status: 404,
  },
  {
    name: "company B's representative names company A to list its listings",
    method: "GET",
    path: (c) => `${base}?company_id=${c.companyA}`,
    token: (c) => c.otherRep.token,
    status: 404,
  },
  {
    name: "a lead about another company's listing",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.leads,
    headers: leadKey,
    body: (c) => leadBody(c, { listing_external_id: c.listingB.external_id }),
    status: 404,
  },
  // Invalid listings.
  {
    name: "a price without currency",
    method: "PUT",
    path: () => one(`P-${uid()}`),
    token: rep,
    body: () => listingBody({ price: { amount: 250000 } }),
    status: 422,
    field: "price.currency",
  },
  {
    name: "a price with a third decimal",
    method: "PUT",
    path: () => one(`P-${uid()}`),
    token: rep,
    body: () => listingBody({ price: { amount: 1.005, currency: "EUR" } }),
    status: 422,
    field: "price.amount",
  },
  {
    name: "a status outside the list",
    method: "PUT",
    path: () => one(`S-${uid()}`),
    token: rep,
    body: () => listingBody({ status: "reserved" }),
    status: 422,
    field: "status",
  },
  {
    name: "a status filter outside the list",
    method: "GET",
    path: () => `${base}?status=reserved`,
    token: rep,
    status: 422,
    field: "status",
  },
  {
    name: "an image that is not an http(s) link",
    method: "PUT",
    path: () => one(`I-${uid()}`),
    token: rep,
    body: () => listingBody({ image_url: "javascript:alert(1)" }),
    status: 422,
    field: "image_url",
  },
  {
    name: "an external id over 200 characters",
    method: "PUT",
    path: () => one("x".repeat(201)),
    token: rep,
    body: () => listingBody(),
    status: 422,
    field: "external_id",
  },
  {
    name: "an external id with a tab",
    method: "PUT",
    path: () => one(`tab\t${uid()}`),
    token: rep,
    body: () => listingBody(),
    status: 422,
    field: "external_id",
  },
  {
    name: "an external id with an escape character",
    method: "PUT",
    path: () => one(`esc\u001b[31m${uid()}`),
    token: rep,
    body: () => listingBody(),
    status: 422,
    field: "external_id",
  },
  {
    name: "a feed item whose external id holds a line break",
    method: "PUT",
    path: () => base,
    token: rep,
    body: () => ({ listings: [{ ...listingBody(), external_id: `line\nbreak-${uid()}` }] }),
    status: 422,
    field: "listings.0.external_id",
  },
  {
    name: "a feed of 501",
    method: "PUT",
    path: () => base,
    token: rep,
    body: () => ({ listings: feed(501, `TOO-MANY-${uid()}`) }),
    status: 422,
    field: "listings",
  },
  {
    name: "a feed naming one external id twice",
    method: "PUT",
    path: () => base,
    token: rep,
    body: () => {
      const [first] = feed(1, `TWICE-${uid()}`);
      return { listings: [first, first] };
    },
    status: 422,
    field: "listings",
  },
  {
    name: "asking about a listing without saying anything",
    method: "POST",
    path: () => "/api/v1/chats",
    token: (c) => c.buyer.token,
    body: (c) => ({ company_id: c.companyA, listing_id: c.listingA.id }),
    status: 422,
    field: "content",
  },
  // Invalid leads.
  {
    name: "a lead without email",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.leads,
    headers: leadKey,
    body: (c) => {
      const { email: _email, ...rest } = leadBody(c);
      return rest;
    },
    status: 422,
    field: "email",
  },
  {
    name: "a lead without message",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.leads,
    headers: leadKey,
    body: (c) => {
      const { message: _message, ...rest } = leadBody(c);
      return rest;
    },
    status: 422,
    field: "message",
  },
  {
    name: "a lead whose message is blank",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.leads,
    headers: leadKey,
    body: (c) => leadBody(c, { message: "  \n " }),
    status: 422,
    field: "message",
  },
  {
    name: "a lead without Idempotency-Key",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.leads,
    body: (c) => leadBody(c),
    status: 422,
    field: "Idempotency-Key",
  },
  // Keys without the scope: 403.
  {
    name: "a key without listings:write lists listings",
    method: "GET",
    path: () => base,
    token: (c) => c.keys.chatsOnly,
    status: 403,
  },
  {
    name: "a key without listings:write puts a listing",
    method: "PUT",
    path: () => one(`K-${uid()}`),
    token: (c) => c.keys.leads,
    body: () => listingBody(),
    status: 403,
  },
  {
    name: "a key without leads:write posts a lead",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.keys.listings,
    headers: leadKey,
    body: (c) => leadBody(c),
    status: 403,
  },
  {
    name: "a company key reads a listing as a buyer",
    method: "GET",
    path: (c) => `/api/v1/listings/${c.listingA.id}`,
    token: (c) => c.keys.listings,
    status: 403,
  },
  // Which company? Someone who answers for several must say.
  {
    name: "a representative of two companies puts a listing without company_id",
    method: "PUT",
    path: () => one(`W-${uid()}`),
    token: (c) => c.bothCompanies,
    body: () => listingBody(),
    status: 422,
    field: "company_id",
  },
  {
    name: "a representative of two companies sends a feed without company_id",
    method: "PUT",
    path: () => base,
    token: (c) => c.bothCompanies,
    body: () => ({ listings: feed(2, `W-${uid()}`) }),
    status: 422,
    field: "company_id",
  },
  {
    name: "a representative of two companies posts a lead without company_id",
    method: "POST",
    path: () => "/api/v1/company/leads",
    token: (c) => c.bothCompanies,
    headers: leadKey,
    body: (c) => leadBody(c),
    status: 422,
    field: "company_id",
  },
  {
    name: "the admin withdraws a listing without company_id",
    method: "DELETE",
    path: (c) => one(c.listingA.external_id),
    token: (c) => c.admin,
    status: 422,
    field: "company_id",
  },
  {
    name: "someone who represents no company puts a listing",
    method: "PUT",
    path: () => one(`N-${uid()}`),
    token: (c) => c.buyer.token,
    body: () => listingBody(),
    status: 403,
  },
];

/** What a refused request could have touched: both companies' listings, chats, and lead contacts. */
async function snapshot(c: Ctx): Promise<string> {
  const [listingsA, listingsB, chatsA, chatsB, buyerChats, messages, contacts] = await Promise.all([
    allListings(c.admin, c.companyA),
    allListings(c.admin, c.companyB),
    call("GET", `/api/v1/company/chats?company_id=${c.companyA}&limit=100`, { token: c.admin }),
    call("GET", `/api/v1/company/chats?company_id=${c.companyB}&limit=100`, { token: c.admin }),
    call("GET", "/api/v1/chats?limit=100", { token: c.buyer.token }),
    call("GET", `/api/v1/chats/${c.chatId}/messages?limit=100`, { token: c.buyer.token }),
    call("GET", `/api/v1/admin/users?q=lead-${c.tag}&limit=100`, { token: c.admin }),
  ]);
  return JSON.stringify([
    listingsA,
    listingsB,
    ...[chatsA, chatsB, buyerChats, messages, contacts].map((answer) => answer.body.data),
  ]);
}

describe("listings and leads: every refusal is a clear 4xx that writes nothing", () => {
  let ctx: Ctx;
  before(async () => {
    const w = await makeWorld();
    const [listingA, listingB, started, bothCompanies] = await Promise.all([
      putListing(w.directRep.token, w.companyA),
      putListing(w.otherRep.token, w.companyB),
      call("POST", "/api/v1/chats", {
        token: w.buyer.token,
        body: { company_id: w.companyA, content: "Hello" },
      }),
      representativeOfBoth(w),
    ]);
    assert.equal(started.status, 201, started.text);
    const otherKey = await call("POST", "/api/v1/api-keys", {
      token: w.otherRep.token,
      body: { name: "B's feed", scopes: ["listings:write", "leads:write"], company_id: w.companyB },
    });
    assert.equal(otherKey.status, 201, otherKey.text);
    const keys = {
      listings: await companyKeyOf(w, ["listings:write"]),
      leads: await companyKeyOf(w, ["leads:write"]),
      chatsOnly: await companyKeyOf(w, ["chats:read", "chats:write", "messages:write"]),
      otherCompany: otherKey.body.secret as string,
    };
    ctx = { ...w, tag: uid(), chatId: started.body.id, listingA, listingB, keys, bothCompanies };
  });

  for (const refusal of REFUSALS) {
    it(`${refusal.name} → ${refusal.status}`, async () => {
      const before = await snapshot(ctx);
      const answer = await call(refusal.method, refusal.path(ctx), {
        token: refusal.token(ctx),
        body: refusal.body?.(ctx),
        headers: refusal.headers?.(),
      });
      assertProblem(answer, refusal.status, refusal.field);
      assert.equal(await snapshot(ctx), before, "a refused request changed nothing");
    });
  }

  it("the same requests, made right, succeed: the refusals were for their input", async () => {
    const named = await call("PUT", listingPath(ctx.companyB, `W-${uid()}`), {
      token: ctx.bothCompanies,
      body: listingBody(),
    });
    assert.equal(named.status, 201, named.text);
    assert.equal(named.body.company.id, ctx.companyB);
    const asked = await call("POST", "/api/v1/chats", {
      token: ctx.buyer.token,
      body: { company_id: ctx.companyA, listing_id: ctx.listingA.id, content: "Is it free?" },
    });
    assert.equal(asked.status, 200, asked.text);
    const lead = await call("POST", "/api/v1/company/leads", {
      token: ctx.keys.leads,
      headers: leadKey(),
      body: leadBody(ctx, { listing_external_id: ctx.listingA.external_id }),
    });
    assert.equal(lead.status, 201, lead.text);
  });
});

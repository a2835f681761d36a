// The versioned API's rows of the authorization table: for every (method, route) under
// app/api/v1, who may call it as a person (`access`) and what an API key must hold (`need`).
// tests/http/v1-authz.test.ts tries every row as every caller; tests/http/authz/coverage.test.ts
// fails when a route file has no row here.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Scope } from "../../../lib/auth/scopes";
import { call, PASSWORD, type TestUser, type World } from "../http";
import { freshListing, listingBody, sharedListing } from "../listing-fixtures";
import { postSavedReply, sharedSavedReply } from "../saved-reply-fixtures";
import { finishedDelivery, freshEndpoint, receiverUrl, sharedEndpoint } from "../webhook-fixtures";

/**
 * Who may use a route as a person: `public` anyone; `user` any signed-in caller; `owner` only
 * the chat's buyer; `company` the representatives of the chat's company and admins; `admin`
 * admins only.
 */
export type Access = "public" | "user" | "owner" | "company" | "admin";

/**
 * What a route asks of an API key: a scope, and on which side (`buyer` routes refuse company
 * keys, `company` and `any` take both kinds); `person` no key at all; `public` no credentials.
 */
export type Need = { scope: Scope; side: "buyer" | "company" | "any" } | "person" | "public";

/** The world every row runs in: a chat of the buyer with company A whose first message holds `secret`. */
export type V1Ctx = World & { chatId: number; spare: TestUser; secret: string };
type Maybe<T> = T | Promise<T>;
type RowOptions = {
  /** Values for the route's `{params}`; by default `{id}` is the world's chat. */
  ids?: (ctx: V1Ctx) => Maybe<Record<string, string | number>>;
  /** The JSON body, if any. */
  body?: (ctx: V1Ctx) => Maybe<unknown>;
  /** Query-string parameters, e.g. the `company_id` a company-side write names. */
  query?: (ctx: V1Ctx) => Record<string, string | number>;
  /** Request headers, e.g. the Idempotency-Key a lead requires. */
  headers?: () => Record<string, string>;
  /** Use a token made for this attempt instead of the world's (for routes that revoke it). */
  freshToken?: boolean;
  /** A stream that never ends: judge it by status and headers, then hang up. */
  stream?: boolean;
};
export type V1Row = RowOptions & {
  method: string;
  /** The route as in app/api/v1, with `{param}` for dynamic segments. */
  route: string;
  access: Access;
  need: Need;
  /** The status(es) a permitted caller gets. */
  ok: number | number[];
};

const row = (spec: string, access: Access, need: Need, ok: number | number[], options: RowOptions = {}) => {
  const [method = "", route = ""] = spec.split(" ");
  return { method, route, access, need, ok, ...options } satisfies V1Row;
};

const uid = () => randomUUID().slice(0, 8);
const say = () => ({ content: `matrix says ${uid()}` });
const read = (side: "buyer" | "company" | "any"): Need => ({ scope: "chats:read", side });
const writeChats = (side: "buyer" | "company"): Need => ({ scope: "chats:write", side });
const writeMessages = (side: "buyer" | "company"): Need => ({ scope: "messages:write", side });
const hooks: Need = { scope: "webhooks:manage", side: "company" };
const listings: Need = { scope: "listings:write", side: "company" };
const leads: Need = { scope: "leads:write", side: "company" };
const settings: Need = { scope: "settings:write", side: "company" };
// Company A named: for its representatives and the admin the route's company; for anyone else
// a company they do not represent (404).
const ofCompanyA = { query: (c: V1Ctx) => ({ company_id: c.companyA }) };
const adminTarget = (pick: (c: V1Ctx) => number) => (c: V1Ctx) => ({ id: pick(c) });

/** A membership made just now, so each caller's DELETE has one to remove. */
async function freshMembership(c: V1Ctx) {
  const name = `matrix-${uid()}`;
  const added = await call("PUT", `/api/v1/admin/groups/${name}/members/${c.spare.id}`, { token: c.admin });
  assert.equal(added.status, 201, `setting up membership: ${added.text}`);
  return { name, user_id: c.spare.id };
}

async function freshPersonalKey(c: V1Ctx) {
  const made = await call("POST", "/api/v1/api-keys", {
    token: c.buyer.token,
    body: { name: `matrix ${uid()}`, scopes: ["chats:read"] },
  });
  assert.equal(made.status, 201, `setting up an API key: ${made.text}`);
  return { id: made.body.id as number };
}

async function refreshTokenOf(user: TestUser): Promise<string> {
  const pair = await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: PASSWORD } });
  return pair.body.refresh_token;
}

// Webhook rows use company A's endpoints (tests/support/webhook-fixtures.ts).
const webhookWorld = (c: V1Ctx) => ({
  admin: c.admin,
  companyA: c.companyA,
  chatId: c.chatId,
  buyer: c.buyer,
});
const endpointOf = async (c: V1Ctx) => ({ id: await sharedEndpoint(webhookWorld(c)) });

// One line per (method, route). Permitted callers get `ok`; everyone else gets what
// tests/http/v1-authz.test.ts says their kind of caller must get.
export const V1_TABLE: V1Row[] = [
  // The catch-all: a path no route serves is a problem+json 404 for everyone.
  ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) =>
    row(`${method} /api/v1/{path}`, "public", "public", 404, { ids: () => ({ path: "no-such-endpoint" }) }),
  ),
  row("POST /api/v1/auth/register", "public", "public", 201, {
    body: () => ({ email: `matrix-${uid()}@example.test`, name: "M", password: PASSWORD }),
  }),
  row("POST /api/v1/auth/token", "public", "public", 200, {
    body: (c) => ({ email: c.spare.email, password: PASSWORD }),
  }),
  row("POST /api/v1/auth/refresh", "public", "public", 200, {
    body: async (c) => ({ refresh_token: await refreshTokenOf(c.spare) }),
  }),
  row("POST /api/v1/auth/revoke", "user", "person", 204, { freshToken: true }),
  row("GET /api/v1/me", "user", read("buyer"), 200),
  // A wrong current password: the caller got past authentication, and nothing changes.
  // Available again: permitted callers succeed and routing keeps passing nobody by.
  row("PATCH /api/v1/me", "user", writeChats("buyer"), 200, { body: () => ({ availability: "available" }) }),
  row("POST /api/v1/me/password", "user", "person", 422, {
    freshToken: true,
    body: () => ({ current_password: "not the password", new_password: "another long password" }),
  }),
  row("GET /api/v1/companies", "user", read("any"), 200),
  row("GET /api/v1/unread-count", "user", read("any"), 200),
  row("GET /api/v1/chats", "user", read("buyer"), 200),
  row("POST /api/v1/chats", "user", writeChats("buyer"), [200, 201], {
    body: (c) => ({ company_id: c.companyB }),
  }),
  row("GET /api/v1/chats/{id}", "owner", read("buyer"), 200),
  row("GET /api/v1/chats/{id}/messages", "owner", read("buyer"), 200),
  row("POST /api/v1/chats/{id}/messages", "owner", writeMessages("buyer"), 201, { body: say }),
  row("POST /api/v1/chats/{id}/read", "owner", writeMessages("buyer"), 200),
  row("POST /api/v1/chats/{id}/typing", "owner", writeMessages("buyer"), 202),
  row("GET /api/v1/company/chats", "user", read("company"), 200),
  row("GET /api/v1/company/chat-counts", "user", read("company"), 200),
  row("GET /api/v1/company/chats/{id}", "company", read("company"), 200),
  // Reopening an open chat: permitted callers succeed and the chat stays open for the other rows.
  row("PATCH /api/v1/company/chats/{id}", "company", writeChats("company"), 200, {
    body: () => ({ is_active: true }),
  }),
  row("GET /api/v1/company/chats/{id}/notes", "company", read("company"), 200),
  row("POST /api/v1/company/chats/{id}/notes", "company", writeMessages("company"), 201, { body: say }),
  row("GET /api/v1/company/settings", "company", settings, 200, ofCompanyA),
  // The time zone it already has: the other rows' routing stays as it was.
  row("PATCH /api/v1/company/settings", "company", settings, 200, {
    ...ofCompanyA,
    body: () => ({ timezone: "UTC" }),
  }),
  row("GET /api/v1/company/saved-replies", "company", read("company"), 200, ofCompanyA),
  row("POST /api/v1/company/saved-replies", "company", settings, 201, {
    ...ofCompanyA,
    body: () => ({ shortcut: `m-${uid()}`, content: "Hi {{buyer.name}}" }),
  }),
  row("PATCH /api/v1/company/saved-replies/{id}", "company", settings, 200, {
    ids: async (c) => ({ id: (await sharedSavedReply(c)).id }),
    body: () => ({ content: `touched by the matrix ${uid()}` }),
  }),
  row("DELETE /api/v1/company/saved-replies/{id}", "company", settings, 204, {
    ids: async (c) => ({ id: (await postSavedReply(c.admin, c.companyA)).id }),
  }),
  row("GET /api/v1/company/chats/{id}/messages", "company", read("company"), 200),
  row("POST /api/v1/company/chats/{id}/messages", "company", writeMessages("company"), 201, { body: say }),
  row("POST /api/v1/company/chats/{id}/read", "company", writeMessages("company"), 200),
  row("POST /api/v1/company/chats/{id}/typing", "company", writeMessages("company"), 202),
  // The event stream: everyone signed in may open one; what it carries is scoped by the caller.
  row("GET /api/v1/events", "user", read("any"), 200, { stream: true }),
  row("GET /api/v1/openapi.json", "public", "public", 200),
  row("GET /api/v1/api-keys", "user", "person", 200),
  row("POST /api/v1/api-keys", "user", "person", 201, {
    body: () => ({ name: `matrix ${uid()}`, scopes: ["chats:read"] }),
  }),
  // Each attempt revokes a personal token the chat's buyer made just now: only its owner may.
  row("DELETE /api/v1/api-keys/{id}", "owner", "person", 204, { ids: freshPersonalKey }),
  row("GET /api/v1/admin/companies", "admin", "person", 200),
  row("POST /api/v1/admin/companies", "admin", "person", 201, { body: () => ({ name: `Matrix ${uid()}` }) }),
  row("PATCH /api/v1/admin/companies/{id}", "admin", "person", 200, {
    ids: adminTarget((c) => c.companyB),
    body: () => ({ description: "touched by the matrix" }),
  }),
  row("GET /api/v1/admin/users", "admin", "person", 200),
  row("PATCH /api/v1/admin/users/{id}", "admin", "person", 200, {
    ids: adminTarget((c) => c.spare.id),
    body: () => ({ is_admin: false }),
  }),
  row("PUT /api/v1/admin/groups/{name}/members/{user_id}", "admin", "person", 201, {
    ids: (c) => ({ name: `matrix-${uid()}`, user_id: c.spare.id }),
  }),
  row("DELETE /api/v1/admin/groups/{name}/members/{user_id}", "admin", "person", 204, {
    ids: freshMembership,
  }),
  row("GET /api/v1/company/webhooks", "user", hooks, 200),
  row("POST /api/v1/company/webhooks", "company", hooks, 201, {
    body: async (c) => ({ company_id: c.companyA, url: await receiverUrl(), event_types: ["chat.reopened"] }),
  }),
  row("GET /api/v1/company/webhooks/{id}", "company", hooks, 200, { ids: endpointOf }),
  row("PATCH /api/v1/company/webhooks/{id}", "company", hooks, 200, {
    ids: endpointOf,
    body: () => ({ description: "touched by the matrix" }),
  }),
  row("DELETE /api/v1/company/webhooks/{id}", "company", hooks, 204, {
    ids: async (c) => ({ id: await freshEndpoint(webhookWorld(c)) }),
  }),
  row("POST /api/v1/company/webhooks/{id}/rotate-secret", "company", hooks, 200, { ids: endpointOf }),
  row("GET /api/v1/company/webhooks/{id}/deliveries", "company", hooks, 200, { ids: endpointOf }),
  row("POST /api/v1/company/webhooks/{id}/deliveries/{delivery_id}/redeliver", "company", hooks, 202, {
    ids: (c) => finishedDelivery(webhookWorld(c)),
  }),
  row("GET /api/v1/company/listings", "company", listings, 200, ofCompanyA),
  row("PUT /api/v1/company/listings", "company", listings, 200, {
    ...ofCompanyA,
    body: () => ({
      listings: [1, 2].map((n) => ({ ...listingBody(), external_id: `matrix-${uid()}-${n}` })),
    }),
  }),
  row("GET /api/v1/company/listings/{external_id}", "company", listings, 200, {
    ...ofCompanyA,
    ids: async (c) => ({ external_id: (await sharedListing(c)).external_id }),
  }),
  // A new external id for each permitted caller: each creates its own listing.
  row("PUT /api/v1/company/listings/{external_id}", "company", listings, 201, {
    ...ofCompanyA,
    ids: () => ({ external_id: `matrix-${uid()}` }),
    body: () => listingBody(),
  }),
  row("DELETE /api/v1/company/listings/{external_id}", "company", listings, 200, {
    ...ofCompanyA,
    ids: async (c) => ({ external_id: (await freshListing(c)).external_id }),
  }),
  // Any signed-in buyer reads any company's listing; a company key is no buyer (403).
  row("GET /api/v1/listings/{id}", "user", read("buyer"), 200, {
    ids: async (c) => ({ id: (await sharedListing(c)).id }),
  }),
  row("GET /api/v1/company/chats/{id}/listings", "company", read("company"), 200),
  // A new email for each permitted caller: each lead starts a chat of its own (201).
  row("POST /api/v1/company/leads", "company", leads, 201, {
    ...ofCompanyA,
    headers: () => ({ "idempotency-key": `matrix-${uid()}` }),
    body: () => ({
      email: `matrix-lead-${uid()}@example.test`,
      name: "Matrix Lead",
      message: "Is it still for sale?",
      source: "Matrix portal",
    }),
  }),
];

/** The request a row makes: its route with the params and query filled in, its body and headers. */
export async function requestOf(
  r: V1Row,
  ctx: V1Ctx,
): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }> {
  const ids = r.ids ? await r.ids(ctx) : { id: ctx.chatId };
  const route = r.route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${r.route}`);
    return encodeURIComponent(String(value));
  });
  const query = r.query
    ? new URLSearchParams(Object.entries(r.query(ctx)).map(([k, v]) => [k, String(v)]))
    : null;
  const path = query ? `${route}?${query}` : route;
  return { path, body: r.body ? await r.body(ctx) : undefined, headers: r.headers?.() };
}

// Seeds what a test needs over the versioned HTTP API of the server under test, with unique
// names, so tests never share data and never depend on demo data.
import { randomUUID } from "node:crypto";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
// `npm test -- e2e` creates this admin on its fresh database; by hand, the demo admin serves.
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@example.com",
  password: process.env.E2E_ADMIN_PASSWORD ?? "demo-pass-123",
};

// These tests create accounts and companies: never against someone's real server by accident.
const host = new URL(BASE_URL).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.E2E_ALLOW_REMOTE !== "1") {
  throw new Error(`E2E_BASE_URL ${BASE_URL} is not local; set E2E_ALLOW_REMOTE=1 if you mean it.`);
}

export const PASSWORD = "a long enough password";

/** A short random tag that makes names unique across tests and runs. */
export const uniqueTag = () => randomUUID().slice(0, 6);

async function call<T>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export type TestUser = { id: number; name: string; email: string; password: string; token: string };
export type TestCompany = { id: number; name: string };

async function tokenFor(email: string, password: string): Promise<string> {
  const answer = await call<{ access_token: string }>("POST", "/api/v1/auth/token", undefined, {
    email,
    password,
  });
  return answer.access_token;
}

let adminToken: Promise<string> | undefined;
const asAdmin = () => {
  adminToken ??= tokenFor(ADMIN.email, ADMIN.password);
  return adminToken;
};

/** A new account named `${label} ${tag}`, e.g. "Buyer 3fa2c1". */
export async function signUp(label: string): Promise<TestUser> {
  const tag = uniqueTag();
  const name = `${label} ${tag}`;
  const email = `${label.toLowerCase().replace(/\W+/g, "-")}-${tag}@example.test`;
  const created = await call<{ id: number }>("POST", "/api/v1/auth/register", undefined, {
    email,
    name,
    password: PASSWORD,
  });
  return { id: created.id, name, email, password: PASSWORD, token: await tokenFor(email, PASSWORD) };
}

export async function createCompany(label = "Homes"): Promise<TestCompany> {
  const name = `${label} ${uniqueTag()}`;
  const created = await call<{ id: number }>("POST", "/api/v1/admin/companies", await asAdmin(), {
    name,
    description: `${name} sells houses and flats.`,
  });
  return { id: created.id, name };
}

/** Makes `user` a representative of `company` through the direct link. */
export async function linkRepresentative(user: TestUser, company: TestCompany): Promise<void> {
  await call("PATCH", `/api/v1/admin/users/${user.id}`, await asAdmin(), { company_id: company.id });
}

/** A company with one representative linked to it directly. */
export async function companyWithRepresentative(label = "Homes") {
  const [company, representative] = await Promise.all([createCompany(label), signUp("Rep")]);
  await linkRepresentative(representative, company);
  return { company, representative };
}

/** The buyer's chat with the company, started with a first message; answers the chat id. */
export async function startChat(buyer: TestUser, company: TestCompany, content: string): Promise<number> {
  const chat = await call<{ id: number }>("POST", "/api/v1/chats", buyer.token, {
    company_id: company.id,
    content,
  });
  return chat.id;
}

export async function replyAsCompany(representative: TestUser, chatId: number, content: string) {
  await call("POST", `/api/v1/company/chats/${chatId}/messages`, representative.token, { content });
}

/** Makes `user` a representative of `company` through membership of the group company_{id}. */
export async function addToCompanyGroup(user: TestUser, company: TestCompany): Promise<void> {
  await call("PUT", `/api/v1/admin/groups/company_${company.id}/members/${user.id}`, await asAdmin());
}

export async function markReadAsCompany(representative: TestUser, chatId: number): Promise<void> {
  await call("POST", `/api/v1/company/chats/${chatId}/read`, representative.token);
}

export async function setChatOpen(representative: TestUser, chatId: number, open: boolean): Promise<void> {
  await call("PATCH", `/api/v1/company/chats/${chatId}`, representative.token, { is_active: open });
}

export async function sendAsBuyer(buyer: TestUser, chatId: number, content: string): Promise<void> {
  await call("POST", `/api/v1/chats/${chatId}/messages`, buyer.token, { content });
}

export type TestListing = { id: number; title: string; externalId: string };

/**
 * Creates a listing of the representative's company, or replaces the one with `externalId`
 * (PUT is the whole listing: fields left out take their defaults).
 */
export async function putListing(
  representative: TestUser,
  listing: { title: string } & Record<string, unknown>,
  externalId = `e2e-${uniqueTag()}`,
): Promise<TestListing> {
  const saved = await call<{ id: number }>(
    "PUT",
    `/api/v1/company/listings/${externalId}`,
    representative.token,
    listing,
  );
  return { id: saved.id, title: listing.title, externalId };
}

/** The buyer asks about a listing of the company: starts or continues their chat with it. */
export async function askAboutListing(
  buyer: TestUser,
  company: TestCompany,
  listing: TestListing,
  content: string,
): Promise<number> {
  const chat = await call<{ id: number }>("POST", "/api/v1/chats", buyer.token, {
    company_id: company.id,
    listing_id: listing.id,
    content,
  });
  return chat.id;
}

/** A lead a portal sends for the buyer's email, posted as the representative's company. */
export async function postLead(
  representative: TestUser,
  lead: { email: string; name: string; message: string; source: string; listing_external_id?: string },
): Promise<void> {
  await call("POST", "/api/v1/company/leads", representative.token, lead, {
    "idempotency-key": `e2e-lead-${uniqueTag()}`,
  });
}

/** Assigns the chat to a representative of its company (null: back to the queue). */
export async function assignChat(by: TestUser, chatId: number, assigneeId: number | null): Promise<void> {
  await call("PATCH", `/api/v1/company/chats/${chatId}`, by.token, { assignee_id: assigneeId });
}

/** An internal note on the chat, for the company's representatives only. */
export async function addNote(by: TestUser, chatId: number, content: string): Promise<void> {
  await call("POST", `/api/v1/company/chats/${chatId}/notes`, by.token, { content });
}

/** A saved reply of the representative's company, offered by the console composer's "/" picker. */
export async function createSavedReply(
  by: TestUser,
  reply: { shortcut: string; content: string },
): Promise<{ id: number }> {
  return call("POST", "/api/v1/company/saved-replies", by.token, reply);
}

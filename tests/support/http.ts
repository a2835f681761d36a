// HTTP test client for a running `next start` (TEST_BASE_URL, started by scripts/test.ts with
// a fresh database and the admin account TEST_ADMIN_EMAIL / TEST_ADMIN_PASSWORD).
import { randomUUID } from "node:crypto";

export const BASE_URL = process.env.TEST_BASE_URL ?? "http://127.0.0.1:3100";
/** Read at call time, so a script (the benchmark) can point the helpers at another server. */
export const baseUrl = () => process.env.TEST_BASE_URL ?? BASE_URL;
export const ADMIN = {
  email: process.env.TEST_ADMIN_EMAIL ?? "admin@example.com",
  password: process.env.TEST_ADMIN_PASSWORD ?? "demo-pass-123",
};

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** A raw body sent as is (with its own content type header, if any). */
  rawBody?: string;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
  /** For endless streams: keep the status and headers, cancel the body (on success). */
  headersOnly?: boolean;
};

export type Answer = { status: number; headers: Headers; body: any; text: string };

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const send = () =>
    fetch(new URL(path, baseUrl()), { method, headers, body, redirect: options.redirect ?? "manual" });
  const response = await send().catch((error: unknown) => {
    // A kept-alive socket the server closed as this request went out (seen once in a busy CI
    // run): the server never read it, so sending it again on a fresh socket is safe.
    if ((error as { cause?: { code?: string } }).cause?.code === "ECONNRESET") return send();
    throw error;
  });
  if (options.headersOnly && response.ok) {
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, body: null, text: "" };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
export const PASSWORD = "a long enough password";

export type TestUser = { id: number; email: string; token: string };

export async function signUp(label: string): Promise<TestUser> {
  const email = uniqueEmail(label);
  const registered = await call("POST", "/api/v1/auth/register", {
    body: { email, name: label, password: PASSWORD },
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${registered.text}`);
  return { id: registered.body.id, email, token: await tokenFor(email, PASSWORD) };
}

export async function tokenFor(email: string, password: string): Promise<string> {
  const answer = await call("POST", "/api/v1/auth/token", { body: { email, password } });
  if (answer.status !== 200) throw new Error(`token failed: ${answer.status} ${answer.text}`);
  return answer.body.access_token;
}

let adminToken: Promise<string> | undefined;
export const asAdmin = () => (adminToken ??= tokenFor(ADMIN.email, ADMIN.password));

/**
 * A tenant world for authorization tests: two companies, buyers, and representatives linked
 * each way the guide allows, plus an admin. Every name is unique, so tests never collide.
 */
export async function makeWorld() {
  const admin = await asAdmin();
  const createCompany = async (name: string) => {
    const answer = await call("POST", "/api/v1/admin/companies", {
      token: admin,
      body: { name, description: "" },
    });
    if (answer.status !== 201) throw new Error(`company failed: ${answer.status} ${answer.text}`);
    return answer.body.id as number;
  };
  const [companyA, companyB] = await Promise.all([
    createCompany(`A ${randomUUID().slice(0, 6)}`),
    createCompany(`B ${randomUUID().slice(0, 6)}`),
  ]);
  const [buyer, otherBuyer, directRep, groupRep, otherRep] = await Promise.all([
    signUp("buyer"),
    signUp("other-buyer"),
    signUp("direct-rep"),
    signUp("group-rep"),
    signUp("other-rep"),
  ]);
  const link = async (answer: Promise<Answer>) => {
    const { status, text } = await answer;
    if (status >= 300) throw new Error(`link failed: ${status} ${text}`);
  };
  await Promise.all([
    link(
      call("PATCH", `/api/v1/admin/users/${directRep.id}`, { token: admin, body: { company_id: companyA } }),
    ),
    link(call("PUT", `/api/v1/admin/groups/company_${companyA}/members/${groupRep.id}`, { token: admin })),
    link(
      call("PATCH", `/api/v1/admin/users/${otherRep.id}`, { token: admin, body: { company_id: companyB } }),
    ),
  ]);
  return { admin, companyA, companyB, buyer, otherBuyer, directRep, groupRep, otherRep };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

// The compatibility API's rows of the authorization table: every path and method under
// app/(compat), and who may call it. tests/http/compat-authz.test.ts tries every row as every
// caller; tests/http/authz/coverage.test.ts fails when a route file has no row here.
import { randomUUID } from "node:crypto";
import { call, PASSWORD, type TestUser, type World } from "../http";

/**
 * `public` anyone; `user` any signed-in caller; `owner` only the chat's buyer (not even an
 * admin: the buyer paths are the caller's own chats); `company` the chat company's
 * representatives (direct link or group) and admins.
 */
export type CompatAccess = "public" | "user" | "owner" | "company";

/** The world every row runs in: a chat of the buyer with company A whose first message holds `secret`. */
export type CompatCtx = World & { chatId: number; spare: TestUser; secret: string };
type Call = { path: string; body?: unknown };
export type CompatRow = {
  method: string;
  route: string;
  access: CompatAccess;
  ok: number | number[];
  request: (c: CompatCtx) => Call | Promise<Call>;
};

const uid = () => randomUUID().slice(0, 8);

export const COMPAT_TABLE: CompatRow[] = [
  {
    method: "POST",
    route: "/auth/login/",
    access: "public",
    ok: 200,
    request: (c) => ({ path: "/auth/login/", body: { email: c.spare.email, password: PASSWORD } }),
  },
  {
    method: "POST",
    route: "/auth/login/refresh/",
    access: "public",
    ok: 200,
    request: async (c) => {
      const pair = await call("POST", "/auth/login/", { body: { email: c.spare.email, password: PASSWORD } });
      return { path: "/auth/login/refresh/", body: { refresh: pair.body.refresh } };
    },
  },
  {
    method: "POST",
    route: "/auth/register/",
    access: "public",
    ok: 201,
    request: () => {
      const email = `compat-matrix-${uid()}@example.test`;
      return {
        path: "/auth/register/",
        body: { email, username: "M", password: PASSWORD, password2: PASSWORD },
      };
    },
  },
  {
    method: "GET",
    route: "/chat/companies-list/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/chat/companies-list/" }),
  },
  { method: "GET", route: "/chats/", access: "user", ok: 200, request: () => ({ path: "/chats/" }) },
  {
    method: "POST",
    route: "/chats/",
    access: "user",
    ok: [200, 201],
    request: (c) => ({ path: "/chats/", body: { company: c.companyB } }),
  },
  {
    method: "GET",
    route: "/chats/unread_count/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/chats/unread_count/" }),
  },
  {
    method: "POST",
    route: "/chats/start/{company_id}/",
    access: "user",
    ok: [200, 201],
    request: (c) => ({ path: `/chats/start/${c.companyB}/` }),
  },
  {
    method: "GET",
    route: "/chats/{id}/",
    access: "owner",
    ok: 200,
    request: (c) => ({ path: `/chats/${c.chatId}/` }),
  },
  {
    method: "GET",
    route: "/chats/{id}/messages/",
    access: "owner",
    ok: 200,
    request: (c) => ({ path: `/chats/${c.chatId}/messages/` }),
  },
  {
    method: "POST",
    route: "/chats/{id}/send_message/",
    access: "owner",
    ok: 201,
    request: (c) => ({ path: `/chats/${c.chatId}/send_message/`, body: { content: `buyer says ${uid()}` } }),
  },
  {
    method: "GET",
    route: "/company-chats/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/company-chats/" }),
  },
  {
    method: "GET",
    route: "/company-chats/{id}/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/` }),
  },
  {
    method: "POST",
    route: "/company-chats/{id}/reply/",
    access: "company",
    ok: 201,
    request: (c) => ({
      path: `/company-chats/${c.chatId}/reply/`,
      body: { content: `company says ${uid()}` },
    }),
  },
  {
    method: "GET",
    route: "/company-chats/{id}/mark_as_read/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/mark_as_read/` }),
  },
  {
    method: "POST",
    route: "/company-chats/{id}/mark_as_read/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/mark_as_read/` }),
  },
];

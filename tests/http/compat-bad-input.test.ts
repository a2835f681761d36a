// Whatever a client sends to the compatibility API, the answer is a 4xx in DRF's shapes, never
// a 500, and a refused request writes nothing: every case compares the chat's messages (and the
// caller's chats) before and after.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { type CallOptions, call, makeWorld, type World } from "../support/http";

type Ctx = World & { chatId: number };
type Case = {
  name: string;
  method: string;
  path: (c: Ctx) => string;
  /** Defaults to the buyer's token. */
  token?: (c: Ctx) => string;
  options?: Omit<CallOptions, "token">;
  status: number;
  /** The answer's body, exactly, when the case pins it. */
  body?: unknown;
  /** The body must have this key (`detail`, `error`, or a field name). */
  key?: string;
};

const rep = (c: Ctx) => c.directRep.token;
const send = (c: Ctx) => `/chats/${c.chatId}/send_message/`;
const reply = (c: Ctx) => `/company-chats/${c.chatId}/reply/`;
const json = (rawBody: string): Omit<CallOptions, "token"> => ({
  rawBody,
  headers: { "content-type": "application/json" },
});
const typed = (type: string, rawBody: string): Omit<CallOptions, "token"> => ({
  rawBody,
  headers: { "content-type": type },
});
const huge = JSON.stringify({ content: "x".repeat(70 * 1024) });

const CASES: Case[] = [
  // 404: a path Next cannot decode (its route matching would answer a bare 500).
  {
    name: "a chat id that does not percent-decode",
    method: "GET",
    path: () => "/chats/%ZZ/",
    status: 404,
    body: { detail: "Not found." },
  },
  {
    name: "a reply to a chat id that is not UTF-8",
    method: "POST",
    path: () => "/company-chats/%ED%A0%80/reply/",
    token: rep,
    options: { body: { content: "hi" } },
    status: 404,
    body: { detail: "Not found." },
  },
  // 400: not JSON at all.
  {
    name: "truncated JSON to send_message",
    method: "POST",
    path: send,
    options: json('{"content": "hi"'),
    status: 400,
    key: "detail",
  },
  {
    name: "truncated JSON to reply",
    method: "POST",
    path: reply,
    token: rep,
    options: json('{"content":'),
    status: 400,
    key: "detail",
  },
  {
    name: "single quotes to POST /chats/",
    method: "POST",
    path: () => "/chats/",
    options: json("{'company': 1}"),
    status: 400,
    key: "detail",
  },
  {
    name: "malformed JSON to start/",
    method: "POST",
    path: (c) => `/chats/start/${c.companyA}/`,
    options: json("{content: hi}"),
    status: 400,
    key: "detail",
  },
  {
    name: "malformed JSON to login",
    method: "POST",
    path: () => "/auth/login/",
    options: json("{"),
    status: 400,
    key: "detail",
  },
  {
    name: "malformed JSON to register",
    method: "POST",
    path: () => "/auth/register/",
    options: json("{"),
    status: 400,
    key: "detail",
  },
  {
    name: "malformed JSON to refresh",
    method: "POST",
    path: () => "/auth/login/refresh/",
    options: json("[1,"),
    status: 400,
    key: "detail",
  },

  // 400: JSON of the wrong shape.
  {
    name: "a JSON array as the message",
    method: "POST",
    path: send,
    options: json('["hi"]'),
    status: 400,
    body: { error: "Message content is required" },
  },
  {
    name: "JSON null as the message",
    method: "POST",
    path: send,
    options: json("null"),
    status: 400,
    body: { error: "Message content is required" },
  },
  {
    name: "content as an object",
    method: "POST",
    path: reply,
    token: rep,
    options: { body: { content: { text: "hi" } } },
    status: 400,
    key: "error",
  },
  {
    name: "content as a list",
    method: "POST",
    path: send,
    options: { body: { content: ["hi"] } },
    status: 400,
    key: "error",
  },
  {
    name: "a JSON string to POST /chats/",
    method: "POST",
    path: () => "/chats/",
    options: json('"company"'),
    status: 400,
    key: "non_field_errors",
  },
  {
    name: "company as a list",
    method: "POST",
    path: () => "/chats/",
    options: { body: { company: [1] } },
    status: 400,
    key: "company",
  },
  {
    name: "company as a float",
    method: "POST",
    path: () => "/chats/",
    options: { body: { company: 1.5 } },
    status: 400,
    key: "company",
  },
  {
    name: "company as null",
    method: "POST",
    path: () => "/chats/",
    options: { body: { company: null } },
    status: 400,
    body: { company: ["This field may not be null."] },
  },
  {
    name: "company 0",
    method: "POST",
    path: () => "/chats/",
    options: { body: { company: 0 } },
    status: 400,
    key: "company",
  },
  {
    name: "login with numbers",
    method: "POST",
    path: () => "/auth/login/",
    options: { body: { email: 1, password: 2 } },
    status: 400,
    key: "email",
  },
  // 400: NUL characters (DRF refused them; PostgreSQL cannot store them).
  {
    name: "a NUL in a message",
    method: "POST",
    path: send,
    options: { body: { content: "a\u0000b" } },
    status: 400,
    body: { error: "Null characters are not allowed." },
  },
  {
    name: "a NUL in a reply",
    method: "POST",
    path: reply,
    token: rep,
    options: { body: { content: "\u0000" } },
    status: 400,
    key: "error",
  },
  {
    name: "a NUL in start/ content",
    method: "POST",
    path: (c) => `/chats/start/${c.companyB}/`,
    options: { body: { content: "hi\u0000" } },
    status: 400,
    key: "error",
  },
  {
    name: "a NUL in a login email",
    method: "POST",
    path: () => "/auth/login/",
    options: { body: { email: "a\u0000@x.test", password: "p" } },
    status: 400,
    body: { email: ["Null characters are not allowed."] },
  },
  {
    name: "a NUL in a refresh token",
    method: "POST",
    path: () => "/auth/login/refresh/",
    options: { body: { refresh: "\u0000" } },
    status: 400,
    key: "refresh",
  },
  {
    name: "an empty body to POST /chats/",
    method: "POST",
    path: () => "/chats/",
    options: json(""),
    status: 400,
    body: { company: ["This field is required."] },
  },

  // 415: not sent as JSON (the original also took forms; see the compat notes).
  {
    name: "JSON sent as text/plain",
    method: "POST",
    path: send,
    options: typed("text/plain", '{"content":"hi"}'),
    status: 415,
    key: "detail",
  },
  {
    name: "a form-encoded reply",
    method: "POST",
    path: reply,
    token: rep,
    options: typed("application/x-www-form-urlencoded", "content=hi"),
    status: 415,
    key: "detail",
  },
  {
    name: "a string body without a JSON type",
    method: "POST",
    path: send,
    options: { rawBody: '{"content":"hi"}' },
    status: 415,
    key: "detail",
  },

  // 413: too large, refused before parsing.
  { name: "a 70 KiB message", method: "POST", path: send, options: json(huge), status: 413, key: "detail" },
  {
    name: "a 70 KiB reply",
    method: "POST",
    path: reply,
    token: rep,
    options: json(huge),
    status: 413,
    key: "detail",
  },
  {
    name: "a 70 KiB login",
    method: "POST",
    path: () => "/auth/login/",
    options: json(huge),
    status: 413,
    key: "detail",
  },

  // 404: ids that cannot name a row.
  ...["abc", "1e3", "-1", "0", "01", "99999999999", "2147483648", "%20"].flatMap((id): Case[] => [
    { name: `GET /chats/${id}/`, method: "GET", path: () => `/chats/${id}/`, status: 404, key: "detail" },
    {
      name: `GET /chats/${id}/messages/`,
      method: "GET",
      path: () => `/chats/${id}/messages/`,
      status: 404,
      key: "detail",
    },
    {
      name: `POST /chats/${id}/send_message/`,
      method: "POST",
      path: () => `/chats/${id}/send_message/`,
      options: { body: { content: "hi" } },
      status: 404,
      key: "detail",
    },
    {
      name: `GET /company-chats/${id}/`,
      method: "GET",
      path: () => `/company-chats/${id}/`,
      token: rep,
      status: 404,
      key: "detail",
    },
    {
      name: `POST /company-chats/${id}/reply/`,
      method: "POST",
      path: () => `/company-chats/${id}/reply/`,
      token: rep,
      options: { body: { content: "hi" } },
      status: 404,
      key: "detail",
    },
    {
      name: `GET /company-chats/${id}/mark_as_read/`,
      method: "GET",
      path: () => `/company-chats/${id}/mark_as_read/`,
      token: rep,
      status: 404,
      key: "detail",
    },
    {
      name: `POST /chats/start/${id}/`,
      method: "POST",
      path: () => `/chats/start/${id}/`,
      status: 404,
      body: { error: "Company not found" },
    },
  ]),
  {
    name: "a path under a chat that does not exist",
    method: "GET",
    path: (c) => `/chats/${c.chatId}/nothing/`,
    status: 404,
  },
];

async function snapshot(c: Ctx) {
  const [messages, chats] = await Promise.all([
    call("GET", `/api/v1/chats/${c.chatId}/messages?limit=100`, { token: c.buyer.token }),
    call("GET", "/api/v1/chats?limit=100", { token: c.buyer.token }),
  ]);
  assert.equal(messages.status, 200);
  return {
    messages: messages.body.data.map((m: { id: number; read_at: string | null }) => [m.id, m.read_at]),
    chats: chats.body.data.map((chat: { id: number }) => chat.id),
  };
}

describe("compatibility API: bad input", () => {
  let ctx: Ctx;
  before(async () => {
    const world = await makeWorld();
    const started = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.buyer.token,
      body: { content: "Hello" },
    });
    assert.equal(started.status, 201, started.text);
    const answered = await call("POST", `/company-chats/${started.body.id}/reply/`, {
      token: world.directRep.token,
      body: { content: "Hi" },
    });
    assert.equal(answered.status, 201, answered.text);
    ctx = { ...world, chatId: started.body.id };
  });

  for (const c of CASES) {
    it(`${c.name} → ${c.status}, nothing written`, async () => {
      const before = await snapshot(ctx);
      const answer = await call(c.method, c.path(ctx), {
        ...c.options,
        token: (c.token ?? ((x: Ctx) => x.buyer.token))(ctx),
      });
      assert.equal(answer.status, c.status, `${answer.status}: ${answer.text.slice(0, 300)}`);
      if (c.body !== undefined) assert.deepEqual(answer.body, c.body);
      if (c.key)
        assert.ok(answer.body && c.key in answer.body, `no "${c.key}" in ${answer.text.slice(0, 300)}`);
      assert.deepEqual(await snapshot(ctx), before, "the request changed nothing");
    });
  }

  it("a valid request still works afterwards (the cases were refused for their input)", async () => {
    const answer = await call("POST", `/chats/${ctx.chatId}/send_message/`, {
      token: ctx.buyer.token,
      body: { content: "ok" },
    });
    assert.equal(answer.status, 201, answer.text);
  });
});

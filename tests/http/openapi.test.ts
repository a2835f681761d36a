// The OpenAPI document against the code: it describes every route file and nothing else, it is
// well-formed, and real answers (a whole buyer / representative / admin flow, errors included)
// validate against the schemas it documents for their status. An undocumented status fails.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { ADMIN, type Answer, type CallOptions, call, PASSWORD, uniqueEmail } from "../support/http";
import { type Doc, OpenApiChecker, refsIn, resolvePointer } from "../support/openapi";
import { declaredRouteList } from "../support/routes";
import { SseClient } from "../support/sse";
import { pause, WebhookReceiver } from "../support/webhook-receiver";

let doc: Doc;
let checker: OpenApiChecker;
let served: Answer;

before(async () => {
  served = await call("GET", "/api/v1/openapi.json");
  assert.equal(served.status, 200, served.text);
  doc = served.body;
  checker = new OpenApiChecker(doc);
});

/** A call whose answer must be one the document describes. */
async function api(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const answer = await call(method, path, options);
  checker.check(method, path, answer);
  return answer;
}

describe("openapi: the document and the route files describe the same operations", () => {
  it("is served publicly as JSON, cacheable", () => {
    assert.match(served.headers.get("content-type") ?? "", /^application\/json/);
    assert.match(served.headers.get("cache-control") ?? "", /\bpublic\b/);
    assert.match(served.headers.get("cache-control") ?? "", /max-age=\d+/);
  });

  it("lists every method of every route file, and nothing that no route file serves", () => {
    // The catch-all ([[...path]]) answers 404 for unknown paths: it is not an operation.
    const routes = declaredRouteList()
      .filter((route) => !route.catchAll)
      .map(({ method, route }) => `${method} ${route}`)
      .sort();
    const documented = checker
      .operations()
      .map((operation) => operation.key)
      .sort();
    assert.deepEqual(documented, routes);
  });
});

describe("openapi: the document is well-formed OpenAPI 3.1", () => {
  it("has the top-level fields", () => {
    assert.equal(doc.openapi, "3.1.0");
    assert.equal((doc.info as { title: string }).title, "Estate Chat API");
    assert.equal(typeof (doc.info as { version: string }).version, "string");
    assert.deepEqual(doc.servers, [{ url: "/" }]);
  });

  it("resolves every $ref", () => {
    const broken = refsIn(doc).filter((ref) => resolvePointer(doc, ref) === undefined);
    assert.deepEqual(broken, []);
  });

  it("has unique operationIds", () => {
    const ids = checker.operations().map((operation) => operation.operationId);
    assert.equal(
      new Set(ids).size,
      ids.length,
      `duplicates: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`,
    );
  });

  it("declares exactly the {params} of each path, as required path parameters", () => {
    for (const { key, path, operation } of checker.operations()) {
      const parameters = (operation.parameters ?? []).map((p: any) =>
        p.$ref ? resolvePointer(doc, p.$ref) : p,
      ) as { name: string; in: string; required?: boolean }[];
      const declared = parameters.filter((p) => p.in === "path");
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      assert.deepEqual(declared.map((p) => p.name).sort(), inPath.sort(), key);
      for (const parameter of declared) assert.equal(parameter.required, true, `${key}: {${parameter.name}}`);
    }
  });

  it("gives every operation a summary, tags that exist, a success answer and known security schemes", () => {
    const tags = new Set((doc.tags as { name: string }[]).map((tag) => tag.name));
    const schemes = new Set(Object.keys(doc.components.securitySchemes ?? {}));
    for (const { key, operation } of checker.operations()) {
      assert.ok(operation.summary, `${key}: summary`);
      for (const tag of operation.tags) assert.ok(tags.has(tag), `${key}: tag ${tag} is not declared`);
      const statuses = Object.keys(operation.responses);
      assert.ok(
        statuses.some((status) => /^2\d\d$/.test(status)),
        `${key}: no 2xx answer`,
      );
      for (const status of statuses) assert.ok(operation.responses[status].description, `${key} ${status}`);
      for (const requirement of operation.security ?? []) {
        for (const name of Object.keys(requirement)) assert.ok(schemes.has(name), `${key}: scheme ${name}`);
      }
    }
  });

  it("has schemas that compile as JSON Schema draft 2020-12 (ajv, strict)", () => {
    for (const schema of Object.values(doc.components.schemas)) checker.compile(schema as object);
    for (const { operation } of checker.operations()) {
      for (const parameter of operation.parameters ?? []) {
        const resolved = (parameter.$ref ? resolvePointer(doc, parameter.$ref) : parameter) as {
          schema: object;
        };
        checker.compile(resolved.schema);
      }
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      if (body) checker.compile(body);
    }
  });
});

describe("openapi: real answers match the document", () => {
  const tag = randomUUID().slice(0, 8);
  const streams: SseClient[] = [];
  let admin: string;
  let companyId: number;
  let buyer: { id: number; email: string; token: string; refresh: string };
  let rep: { id: number; token: string };
  let groupRep: { id: number; token: string };
  let chatId: number;

  after(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
  });

  async function register(label: string) {
    const email = uniqueEmail(`docs-${label}`);
    const made = await api("POST", "/api/v1/auth/register", {
      body: { email, name: label, password: PASSWORD },
    });
    assert.equal(made.status, 201, made.text);
    const pair = await api("POST", "/api/v1/auth/token", { body: { email, password: PASSWORD } });
    assert.equal(pair.status, 200, pair.text);
    return {
      id: made.body.id as number,
      email,
      token: pair.body.access_token,
      refresh: pair.body.refresh_token,
    };
  }

  it("accounts and tokens", async () => {
    const adminPair = await api("POST", "/api/v1/auth/token", { body: ADMIN });
    assert.equal(adminPair.status, 200, adminPair.text);
    admin = adminPair.body.access_token;
    [buyer, rep, groupRep] = await Promise.all([register("buyer"), register("rep"), register("group-rep")]);
    const refreshed = await api("POST", "/api/v1/auth/refresh", { body: { refresh_token: buyer.refresh } });
    assert.equal(refreshed.status, 200, refreshed.text);
    assert.equal((await api("GET", "/api/v1/me", { token: buyer.token })).status, 200);

    const spare = await register("spare");
    const changed = await api("POST", "/api/v1/me/password", {
      token: spare.token,
      body: { current_password: PASSWORD, new_password: "another long password" },
    });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await api("POST", "/api/v1/auth/revoke", { token: spare.token })).status, 204);
  });

  it("admin: companies, users, direct links and groups", async () => {
    const made = await api("POST", "/api/v1/admin/companies", {
      token: admin,
      body: { name: `Docs Realty ${tag}`, description: "Homes by the sea" },
    });
    assert.equal(made.status, 201, made.text);
    companyId = made.body.id;
    assert.equal((await api("GET", "/api/v1/admin/companies?limit=2", { token: admin })).status, 200);
    const patched = await api("PATCH", `/api/v1/admin/companies/${companyId}`, {
      token: admin,
      body: { description: "Homes by the sea and the hills" },
    });
    assert.equal(patched.status, 200, patched.text);
    const users = await api("GET", `/api/v1/admin/users?q=${encodeURIComponent(buyer.email)}`, {
      token: admin,
    });
    assert.equal(users.status, 200, users.text);
    const linked = await api("PATCH", `/api/v1/admin/users/${rep.id}`, {
      token: admin,
      body: { company_id: companyId },
    });
    assert.equal(linked.status, 200, linked.text);
    const membership = `/api/v1/admin/groups/company_${companyId}/members/${groupRep.id}`;
    assert.equal((await api("PUT", membership, { token: admin })).status, 201);
    assert.equal((await api("PUT", membership, { token: admin })).status, 204);
    assert.equal((await api("DELETE", membership, { token: admin })).status, 204);
    assert.equal((await api("PUT", membership, { token: admin })).status, 201);
  });

  it("the buyer: directory, get-or-create, send (with a replay), read, typing, counts", async () => {
    const directory = await api("GET", `/api/v1/companies?q=${encodeURIComponent(tag)}`, {
      token: buyer.token,
    });
    assert.equal(directory.status, 200, directory.text);
    const started = await api("POST", "/api/v1/chats", {
      token: buyer.token,
      body: { company_id: companyId, content: "Is the house by the sea still for sale?" },
    });
    assert.equal(started.status, 201, started.text);
    chatId = started.body.id;
    const again = await api("POST", "/api/v1/chats", { token: buyer.token, body: { company_id: companyId } });
    assert.equal(again.status, 200, again.text);
    assert.equal((await api("GET", "/api/v1/chats", { token: buyer.token })).status, 200);
    assert.equal((await api("GET", `/api/v1/chats/${chatId}`, { token: buyer.token })).status, 200);

    const key = `docs-${tag}`;
    const send = () =>
      api("POST", `/api/v1/chats/${chatId}/messages`, {
        token: buyer.token,
        body: { content: "Can I visit on Saturday?" },
        headers: { "idempotency-key": key },
      });
    const first = await send();
    assert.equal(first.status, 201, first.text);
    const replay = await send();
    assert.equal(replay.status, 201, replay.text);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");

    const newest = await api("GET", `/api/v1/chats/${chatId}/messages?limit=1`, { token: buyer.token });
    assert.equal(newest.status, 200, newest.text);
    assert.equal(newest.body.has_more, true);
    const older = await api("GET", `/api/v1/chats/${chatId}/messages?before=${newest.body.next_cursor}`, {
      token: buyer.token,
    });
    assert.equal(older.status, 200, older.text);
    assert.equal((await api("POST", `/api/v1/chats/${chatId}/typing`, { token: buyer.token })).status, 202);
    assert.equal((await api("POST", `/api/v1/chats/${chatId}/read`, { token: buyer.token })).status, 200);
    assert.equal((await api("GET", "/api/v1/unread-count", { token: buyer.token })).status, 200);
  });

  it("the representative: lists, counts, reply, read, typing, close and reopen", async () => {
    const list = await api("GET", `/api/v1/company/chats?company_id=${companyId}&is_active=true`, {
      token: rep.token,
    });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(
      list.body.data.map((chat: { id: number }) => chat.id),
      [chatId],
    );
    assert.equal((await api("GET", "/api/v1/company/chat-counts", { token: rep.token })).status, 200);
    const base = `/api/v1/company/chats/${chatId}`;
    assert.equal((await api("GET", base, { token: rep.token })).status, 200);
    assert.equal((await api("GET", `${base}/messages?after=1`, { token: rep.token })).status, 200);
    const reply = await api("POST", `${base}/messages`, {
      token: rep.token,
      body: { content: "Saturday at 10?" },
    });
    assert.equal(reply.status, 201, reply.text);
    assert.equal((await api("POST", `${base}/read`, { token: rep.token })).status, 200);
    assert.equal((await api("POST", `${base}/typing`, { token: rep.token })).status, 202);

    const closed = await api("PATCH", base, { token: rep.token, body: { is_active: false } });
    assert.equal(closed.status, 200, closed.text);
    const refused = await api("POST", `/api/v1/chats/${chatId}/messages`, {
      token: buyer.token,
      body: { content: "Hello?" },
    });
    assert.equal(refused.status, 409, refused.text);
    const startRefused = await api("POST", "/api/v1/chats", {
      token: buyer.token,
      body: { company_id: companyId, content: "Hello again?" },
    });
    assert.equal(startRefused.status, 409, startRefused.text);
    assert.equal((await api("PATCH", base, { token: rep.token, body: { is_active: true } })).status, 200);
  });

  it("the third party: a company key, and webhooks with their delivery log", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: rep.token,
      body: {
        name: "CRM",
        scopes: ["chats:read", "messages:write", "webhooks:manage"],
        company_id: companyId,
      },
    });
    assert.equal(made.status, 201, made.text);
    const key = made.body.secret as string;
    assert.equal(
      (await api("GET", `/api/v1/api-keys?company_id=${companyId}`, { token: rep.token })).status,
      200,
    );
    const asKey = await api("GET", `/api/v1/company/chats?company_id=${companyId}`, { token: key });
    assert.equal(asKey.status, 200, asKey.text);

    const receiver = await new WebhookReceiver().start();
    try {
      const hooks = "/api/v1/company/webhooks";
      const endpoint = await api("POST", hooks, {
        token: key,
        body: { company_id: companyId, url: receiver.url, event_types: ["message.created"] },
      });
      assert.equal(endpoint.status, 201, endpoint.text);
      const one = `${hooks}/${endpoint.body.id}`;
      assert.equal((await api("GET", `${hooks}?company_id=${companyId}`, { token: key })).status, 200);
      assert.equal((await api("GET", one, { token: key })).status, 200);
      const patched = await api("PATCH", one, { token: key, body: { description: "CRM inbox" } });
      assert.equal(patched.status, 200, patched.text);
      assert.equal((await api("POST", `${one}/rotate-secret`, { token: key })).status, 200);
      const reply = await api("POST", `/api/v1/company/chats/${chatId}/messages`, {
        token: key,
        body: { content: "Our CRM answers too." },
      });
      assert.equal(reply.status, 201, reply.text);
      let deliveryId: number | undefined;
      for (let tries = 0; tries < 100 && deliveryId === undefined; tries++) {
        const log = await api("GET", `${one}/deliveries`, { token: key });
        if (log.body.data[0]?.status === "succeeded") deliveryId = log.body.data[0].id;
        else await pause(100);
      }
      assert.ok(deliveryId, "the webhook was delivered");
      const again = await api("POST", `${one}/deliveries/${deliveryId}/redeliver`, { token: key });
      assert.equal(again.status, 202, again.text);
      assert.equal((await api("DELETE", one, { token: key })).status, 204);
    } finally {
      await receiver.stop();
    }
    assert.equal((await api("DELETE", `/api/v1/api-keys/${made.body.id}`, { token: rep.token })).status, 204);
  });

  it("listings and leads: a feed, one listing, a buyer asking about it, a lead and its event", async () => {
    const made = await api("POST", "/api/v1/api-keys", {
      token: rep.token,
      body: {
        name: "Portal",
        scopes: ["listings:write", "leads:write", "chats:read"],
        company_id: companyId,
      },
    });
    assert.equal(made.status, 201, made.text);
    const key = made.body.secret as string;
    const feed = await api("PUT", "/api/v1/company/listings", {
      token: key,
      body: {
        listings: [
          {
            external_id: `docs-${tag}-1`,
            title: "Flat by the sea",
            price: { amount: 250000.5, currency: "EUR" },
          },
          {
            external_id: `docs-${tag}-2`,
            title: "House on the hill",
            attributes: { bedrooms: 4, garden: true },
          },
        ],
      },
    });
    assert.equal(feed.status, 200, feed.text);
    const one = `/api/v1/company/listings/docs-${tag}-3`;
    const created = await api("PUT", one, {
      token: key,
      body: { title: "Loft", url: "https://homes.example/3" },
    });
    assert.equal(created.status, 201, created.text);
    const updated = await api("PUT", one, { token: key, body: { title: "Loft", status: "under_offer" } });
    assert.equal(updated.status, 200, updated.text);
    assert.equal((await api("GET", one, { token: key })).status, 200);
    assert.equal((await api("GET", "/api/v1/company/listings?status=active", { token: key })).status, 200);

    const listingId = created.body.id as number;
    assert.equal((await api("GET", `/api/v1/listings/${listingId}`, { token: buyer.token })).status, 200);
    const asked = await api("POST", "/api/v1/chats", {
      token: buyer.token,
      body: { company_id: companyId, listing_id: listingId, content: "Is the loft still under offer?" },
    });
    assert.equal(asked.status, 200, asked.text);
    assert.equal(asked.body.initial_message.listing.id, listingId);
    const about = await api("GET", `/api/v1/company/chats/${chatId}/listings`, { token: rep.token });
    assert.equal(about.status, 200, about.text);
    assert.equal((await api("DELETE", one, { token: key })).status, 200);

    const stream = new SseClient(rep.token);
    streams.push(stream);
    await stream.open();
    await stream.waitFor((events) => events.some((event) => event.event === "ready"), 5000, "ready");
    const lead = (email: string, idempotencyKey: string) =>
      api("POST", "/api/v1/company/leads", {
        token: key,
        headers: { "idempotency-key": idempotencyKey },
        body: {
          email,
          name: "Ana",
          message: "Can I visit?",
          source: "Docs portal",
          listing_external_id: `docs-${tag}-1`,
        },
      });
    const first = await lead(uniqueEmail("docs-lead"), `docs-lead-${tag}-1`);
    assert.equal(first.status, 201, first.text);
    const again = await lead(buyer.email, `docs-lead-${tag}-2`);
    assert.equal(again.status, 200, again.text);
    await stream.waitFor((events) => events.some((e) => e.event === "lead.created"), 10_000, "lead.created");
    for (const frame of stream.events) checker.checkFrame("/api/v1/events", frame);

    const refusals: [string, Answer, number][] = [
      ["unknown listing", await api("GET", `/api/v1/listings/2147483000`, { token: buyer.token }), 404],
      ["unknown external id", await api("GET", `${one}-nope`, { token: key }), 404],
      [
        "status outside the list",
        await api("PUT", one, { token: key, body: { title: "x", status: "gone" } }),
        422,
      ],
      [
        "lead without Idempotency-Key",
        await api("POST", "/api/v1/company/leads", {
          token: key,
          body: { email: uniqueEmail("docs-lead"), name: "A", message: "Hi", source: "Docs" },
        }),
        422,
      ],
      [
        "chat of another company",
        await api("GET", "/api/v1/company/chats/2147483000/listings", { token: key }),
        404,
      ],
    ];
    assert.deepEqual(
      refusals.map(([label, answer]) => [label, answer.status]),
      refusals.map(([label, , status]) => [label, status]),
    );
  });

  it("the workspace: assignment, notes, settings, saved replies, availability, and their events", async () => {
    const stream = new SseClient(rep.token);
    streams.push(stream);
    await stream.open();
    await stream.waitFor((events) => events.some((event) => event.event === "ready"), 5000, "ready");
    const base = `/api/v1/company/chats/${chatId}`;
    const assigned = await api("PATCH", base, { token: rep.token, body: { assignee_id: rep.id } });
    assert.equal(assigned.status, 200, assigned.text);
    const mine = await api("GET", `/api/v1/company/chats?assignee=me&company_id=${companyId}`, {
      token: rep.token,
    });
    assert.equal(mine.body.data[0]?.assignee?.id, rep.id);
    assert.equal(
      (await api("POST", `${base}/notes`, { token: rep.token, body: { content: "Prefers mornings" } }))
        .status,
      201,
    );
    assert.equal((await api("GET", `${base}/notes`, { token: groupRep.token })).status, 200);
    const settings = `/api/v1/company/settings?company_id=${companyId}`;
    assert.equal((await api("GET", settings, { token: rep.token })).status, 200);
    const changed = await api("PATCH", settings, {
      token: rep.token,
      body: { timezone: "Europe/Lisbon", business_hours: { mon: [{ start: "09:00", end: "18:00" }] } },
    });
    assert.equal(changed.status, 200, changed.text);
    const replies = `/api/v1/company/saved-replies?company_id=${companyId}`;
    const made = await api("POST", replies, {
      token: rep.token,
      body: { shortcut: `hi-${tag}`, content: "Hi {{buyer.name}}" },
    });
    assert.equal(made.status, 201, made.text);
    assert.equal((await api("GET", replies, { token: groupRep.token })).status, 200);
    const reply = `/api/v1/company/saved-replies/${made.body.id}`;
    assert.equal((await api("PATCH", reply, { token: rep.token, body: { content: "Hello!" } })).status, 200);
    assert.equal((await api("DELETE", reply, { token: rep.token })).status, 204);
    assert.equal(
      (await api("PATCH", "/api/v1/me", { token: rep.token, body: { availability: "away" } })).status,
      200,
    );
    assert.equal(
      (await api("PATCH", "/api/v1/me", { token: rep.token, body: { availability: "available" } })).status,
      200,
    );
    await stream.waitFor(
      (events) => ["chat.assigned", "note.created"].every((type) => events.some((e) => e.event === type)),
      10_000,
      "the company-only events",
    );
    for (const frame of stream.events) checker.checkFrame("/api/v1/events", frame);
  });

  it("errors: each a documented status with a problem+json body", async () => {
    const send = (options: CallOptions) => api("POST", `/api/v1/chats/${chatId}/messages`, options);
    const json = { "content-type": "application/json" };
    const answers: [string, Answer, number][] = [
      ["anonymous", await api("GET", "/api/v1/me"), 401],
      ["a bad token", await api("GET", "/api/v1/chats", { token: "not-a-token" }), 401],
      [
        "wrong password",
        await api("POST", "/api/v1/auth/token", { body: { ...ADMIN, password: "nope" } }),
        401,
      ],
      ["bad refresh", await api("POST", "/api/v1/auth/refresh", { body: { refresh_token: "x" } }), 401],
      [
        "duplicate email",
        await api("POST", "/api/v1/auth/register", {
          body: { email: buyer.email, name: "B", password: PASSWORD },
        }),
        409,
      ],
      ["missing chat", await api("GET", "/api/v1/chats/2147483000", { token: buyer.token }), 404],
      ["non-numeric id", await api("GET", "/api/v1/chats/abc/messages", { token: buyer.token }), 404],
      [
        "not a representative",
        await api("GET", `/api/v1/company/chats/${chatId}`, { token: buyer.token }),
        404,
      ],
      ["not an admin", await api("GET", "/api/v1/admin/users", { token: rep.token }), 404],
      [
        "unknown company",
        await api("POST", "/api/v1/chats", { token: buyer.token, body: { company_id: 2147483000 } }),
        404,
      ],
      ["blank content", await send({ token: buyer.token, body: { content: "   " } }), 422],
      ["malformed JSON", await send({ token: buyer.token, rawBody: "{", headers: json }), 400],
      [
        "not JSON",
        await send({ token: buyer.token, rawBody: "hello", headers: { "content-type": "text/plain" } }),
        415,
      ],
      [
        "too large",
        await send({
          token: buyer.token,
          rawBody: JSON.stringify({ content: "x".repeat(70_000) }),
          headers: json,
        }),
        413,
      ],
      [
        "key reused",
        await send({
          token: buyer.token,
          body: { content: "Other words" },
          headers: { "idempotency-key": `docs-${tag}` },
        }),
        422,
      ],
      ["limit too big", await api("GET", "/api/v1/chats?limit=500", { token: buyer.token }), 422],
      ["bad filter", await api("GET", "/api/v1/company/chats?unread=maybe", { token: rep.token }), 422],
      [
        "wrong current password",
        await api("POST", "/api/v1/me/password", {
          token: buyer.token,
          body: { current_password: "wrong", new_password: "another long password" },
        }),
        422,
      ],
      [
        "bad group name",
        await api("PUT", `/api/v1/admin/groups/bad%20name!/members/${rep.id}`, { token: admin }),
        422,
      ],
      [
        "no membership",
        await api("DELETE", `/api/v1/admin/groups/nobody-${tag}/members/${rep.id}`, { token: admin }),
        404,
      ],
    ];
    assert.deepEqual(
      answers.map(([label, answer]) => [label, answer.status]),
      answers.map(([label, , status]) => [label, status]),
    );
  });

  it("the event stream: every frame type matches the documented frame schema", async () => {
    const head = await api("GET", "/api/v1/events", { token: buyer.token, headersOnly: true });
    assert.equal(head.status, 200);
    const stream = new SseClient(buyer.token);
    streams.push(stream);
    await stream.open();
    await stream.waitFor((events) => events.some((event) => event.event === "ready"), 5000, "ready");

    const second = await api("POST", "/api/v1/admin/companies", {
      token: admin,
      body: { name: `Docs Two ${tag}` },
    });
    const base = `/api/v1/company/chats/${chatId}`;
    assert.equal(
      (await api("POST", "/api/v1/chats", { token: buyer.token, body: { company_id: second.body.id } }))
        .status,
      201,
    );
    assert.equal(
      (await api("POST", `${base}/messages`, { token: rep.token, body: { content: "Still there?" } })).status,
      201,
    );
    assert.equal((await api("POST", `/api/v1/chats/${chatId}/read`, { token: buyer.token })).status, 200);
    assert.equal((await api("PATCH", base, { token: rep.token, body: { is_active: false } })).status, 200);
    assert.equal((await api("PATCH", base, { token: rep.token, body: { is_active: true } })).status, 200);
    // The group representative has not typed yet in this chat: not held back by the throttle.
    assert.equal((await api("POST", `${base}/typing`, { token: groupRep.token })).status, 202);
    const types = [
      "ready",
      "chat.created",
      "message.created",
      "messages.read",
      "chat.closed",
      "chat.reopened",
      "typing",
    ];
    await stream.waitFor(
      (events) => types.every((type) => events.some((e) => e.event === type)),
      10_000,
      "every type",
    );

    const lost = new SseClient(buyer.token);
    streams.push(lost);
    await lost.open("999999999999");
    await lost.waitFor((events) => events.some((event) => event.event === "resync"), 5000, "resync");

    for (const frame of [...stream.events, ...lost.events]) checker.checkFrame("/api/v1/events", frame);
  });

  it("this document itself", async () => {
    assert.equal((await api("GET", "/api/v1/openapi.json")).status, 200);
  });

  it("saw every documented success answer of every operation", () => {
    const expected = checker.operations().flatMap(({ operationId, operation }) =>
      Object.keys(operation.responses)
        .filter((status) => status.startsWith("2"))
        .map((status) => `${operationId} ${status}`),
    );
    assert.deepEqual(
      expected.filter((answer) => !checker.seen.has(answer)),
      [],
      "documented success answers no request in this test produced",
    );
  });
});

// Property-based hostile input: every route file under app/ (the versioned API, the original's
// paths, Auth.js, health) gets generated requests (path ids, query strings, bodies, credentials
// and headers, valid and invalid) and must answer below 500, in its surface's error shape, and
// change nothing in the world when it refuses. Runs are seeded: a failure prints the seed and
// path; rerun with HOSTILE_SEED=<seed> (and HOSTILE_SHRINK=1 for the smallest counterexample).
import assert from "node:assert/strict";
import { connect } from "node:net";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import {
  type Answer,
  type Auth,
  field,
  type HostileRequest,
  json,
  RUNS,
  SEED,
  SHRINK,
  send,
} from "../support/hostile-send";
import {
  catchAllPath,
  hostileAuthorization,
  hostileBody,
  hostileHeaders,
  hostileQuery,
  pathSegment,
} from "../support/hostile-values";
import {
  areasOf,
  fingerprint,
  type HostileWorld,
  makeHostileWorld,
  PEOPLE,
  renewEndedSessions,
} from "../support/hostile-world";
import { baseUrl } from "../support/http";
import { type AppRoute, declaredAppRoutes } from "../support/routes";

/** An error answer in its surface's shape: problem+json on /api/v1, DRF's JSON objects on the original's paths. */
function assertErrorShape(route: AppRoute, answer: Answer, label: string): void {
  // Node's own answer to a request line or headers over its 16 KiB limit, before any route runs.
  if (answer.status === 431) return;
  if (route.route.startsWith("/api/v1") || route.route === "/api/health") {
    assert.match(answer.contentType, /^application\/problem\+json/, `${label}: problem+json`);
    const body = json(answer.text) as { status?: number; type?: string } | undefined;
    assert.equal(body?.status, answer.status, `${label}: the problem names its status`);
    assert.equal(typeof body?.type, "string", `${label}: the problem has a type`);
  } else if (!route.route.startsWith("/api/")) {
    assert.match(answer.contentType, /^application\/json/, `${label}: JSON`);
    const body = json(answer.text);
    assert.ok(body && typeof body === "object" && !Array.isArray(body), `${label}: a DRF-style object`);
  }
}

/** Requests whose success ends sessions: the test signs the people in again afterwards. */
const endsSessions = (path: string) => /^\/api\/v1\/(auth\/revoke|me\/password)/.test(path);

/** Sends of message text, whose 201 must echo the text as sent (trimmed). */
const SENDS = [
  /^\/api\/v1\/chats\/\d+\/messages$/,
  /^\/api\/v1\/company\/chats\/\d+\/messages$/,
  /^\/chats\/\d+\/send_message\/$/,
  /^\/company-chats\/\d+\/reply\/$/,
];

/** Only the world's ids may be touched with the admin's token: other test files run alongside. */
const ANY_ID = /^[1-9]\d{0,9}$/;

function requestFor(w: HostileWorld, route: AppRoute, method: string): fc.Arbitrary<HostileRequest> {
  const { world } = w;
  const ids = [
    w.chatId,
    w.otherChatId,
    world.companyA,
    world.companyB,
    world.buyer.id,
    world.directRep.id,
    w.webhookId,
    w.companyKeyId,
    w.listingId,
  ].map(String);
  const segment = (name: string): fc.Arbitrary<string> => {
    if (name === "...path") return catchAllPath;
    if (name === "...nextauth")
      return fc.oneof(
        fc.constantFrom(
          "session",
          "csrf",
          "providers",
          "signin",
          "signout",
          "callback/credentials",
          "error",
          "signin/credentials",
        ),
        catchAllPath,
      );
    if (name === "name")
      return pathSegment([`company_${world.companyA}`, `company_${world.companyB}`, "staff"]);
    if (name === "external_id") return pathSegment([encodeURIComponent(w.externalId), "FLAT-1", ...ids]);
    return pathSegment(ids);
  };
  const names = [...route.route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const compat = !route.route.startsWith("/api/");
  const targets = {
    companyId: world.companyA,
    chatId: w.chatId,
    listingId: w.listingId,
    externalId: w.externalId,
  };
  const auth: fc.Arbitrary<Auth> = fc.oneof(
    fc.constantFrom(...PEOPLE).map((person) => ({ person })),
    hostileAuthorization(w.kit).map((header) => ({ header })),
  );
  return fc
    .record({
      segments: fc.tuple(...names.map(segment)),
      query: hostileQuery,
      auth,
      headers: hostileHeaders,
      body:
        method === "GET" || method === "DELETE"
          ? fc.oneof(
              {
                weight: 4,
                arbitrary: fc.constant({ text: undefined, contentType: undefined, label: "none" }),
              },
              hostileBody(targets),
            )
          : hostileBody(targets),
    })
    .map(({ segments, query, auth: caller, headers, body }) => {
      const admin = "person" in caller && caller.person === "admin";
      let path = route.route;
      names.forEach((name, index) => {
        let value = segments[index] as string;
        if (admin && ANY_ID.test(value) && !ids.includes(value)) value = "2147483647";
        path = path.replace(`{${name}}`, value);
      });
      // The original's paths end in a slash (a GET without it is redirected).
      if (compat) path = `${path}/`;
      return { method, path: `${path}${query}`, auth: caller, headers, body };
    });
}

describe("hostile input to every route", () => {
  let w: HostileWorld;
  const routes = declaredAppRoutes();

  before(async () => {
    w = await makeHostileWorld();
  });

  it("finds the routes of every surface", () => {
    const paths = routes.map((route) => route.route);
    for (const expected of [
      "/api/v1/chats/{id}/messages",
      "/chats/{id}/send_message",
      "/api/auth/{...nextauth}",
    ])
      assert.ok(paths.includes(expected), expected);
  });

  for (const route of routes) {
    for (const method of route.methods) {
      // The original's paths serve GET or POST; their other methods are one fixed 405.
      const refusedOnly = !route.route.startsWith("/api/") && !["GET", "POST"].includes(method);
      it(`${method} ${route.route}`, async () => {
        const areas = areasOf(route.route);
        let baseline: unknown = null;
        await fc.assert(
          fc.asyncProperty(requestFor(w, route, method), async (request) => {
            // Fingerprinted: every request that may write. Not: reads of the versioned API (safe
            // by design there) and the original's fixed 405s (they never reach a handler).
            const watched = !refusedOnly && (method !== "GET" || !route.route.startsWith("/api/"));
            if (watched && baseline === null) baseline = await fingerprint(w, areas);
            const answer = await send(w, request);
            const label = `${request.method} ${request.path.slice(0, 200)} (${request.body.label}) → ${answer.status}`;
            assert.ok(answer.status < 500, `${label}: ${answer.text.slice(0, 500)}`);
            if (answer.status >= 400) assertErrorShape(route, answer, label);
            if (answer.status < 300 && endsSessions(request.path)) await renewEndedSessions(w);
            if (
              answer.status === 201 &&
              SENDS.some((pattern) => pattern.test(request.path.split("?")[0] ?? ""))
            ) {
              const sent = (json(request.body.text ?? "") as { content?: unknown })?.content;
              // The original's reply answers {message, chat}; every other send, the message.
              const body = json(answer.text);
              const stored = field(body, "content") ?? field(body, "message.content");
              assert.equal(
                stored,
                typeof sent === "string" ? sent.trim() : sent,
                `${label}: the text is stored as sent`,
              );
            }
            if (!watched) return;
            const after = await fingerprint(w, areas);
            if (answer.status >= 300)
              assert.deepEqual(after, baseline, `${label}: a refused request changed data`);
            baseline = after;
          }),
          { seed: SEED, numRuns: refusedOnly ? 1 : RUNS, endOnFailure: !SHRINK },
        );
      });
    }
  }

  it("NUL bytes and control characters in the request line and headers are refused, never a 500", async () => {
    const raw = (head: string) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(baseUrl());
        const socket = connect(Number(port), hostname, () => socket.end(head));
        let text = "";
        socket.setEncoding("latin1");
        socket.on("data", (chunk: string) => (text += chunk));
        socket.on("end", () => resolve(text));
        socket.on("error", reject);
      });
    const path = `/api/v1/chats/${w.chatId}/messages`;
    const heads = [
      `GET ${path}\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\u0000b\r\nConnection: close\r\n\r\n`,
      `GET ${path} HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0001\u001bb\r\nConnection: close\r\n\r\n`,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\u0000\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      `GET /chats/${w.chatId}/\u202e/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ];
    for (const head of heads) {
      const answer = await raw(head);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      assert.ok(
        status >= 400 && status < 500,
        `${JSON.stringify(head.slice(0, 80))} → ${answer.slice(0, 200)}`,
      );
    }
  });
});

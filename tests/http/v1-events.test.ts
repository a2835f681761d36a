import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { call, makeWorld, type World } from "../support/http";
import { SseClient } from "../support/sse";

let world: World;
let chatId: number;
const clients: SseClient[] = [];
const stream = (token: string) => {
  const client = new SseClient(token);
  clients.push(client);
  return client;
};

before(async () => {
  world = await makeWorld();
  const started = await call("POST", "/api/v1/chats", {
    token: world.buyer.token,
    body: { company_id: world.companyA, content: "Is the loft still available?" },
  });
  assert.equal(started.status, 201, started.text);
  chatId = started.body.id;
});
after(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

const reply = (token: string, content: string) =>
  call("POST", `/api/v1/company/chats/${chatId}/messages`, { token, body: { content } });

describe("event stream", () => {
  it("answers 401 without credentials, and streams with SSE headers", async () => {
    const anonymous = await call("GET", "/api/v1/events");
    assert.equal(anonymous.status, 401);
    const client = stream(world.buyer.token);
    await client.open();
    assert.equal(client.status, 200);
    await client.waitFor((events) => events.some((e) => e.event === "ready"), 5000, "ready");
  });

  it("delivers a reply to the buyer and the company side, and nothing to outsiders", async () => {
    const [buyer, groupRep, otherBuyer, otherRep] = [
      stream(world.buyer.token),
      stream(world.groupRep.token),
      stream(world.otherBuyer.token),
      stream(world.otherRep.token),
    ];
    await Promise.all([buyer, groupRep, otherBuyer, otherRep].map((c) => c.open()));
    await Promise.all([buyer, groupRep, otherBuyer, otherRep].map((c) => c.waitFor((e) => e.length > 0)));
    const sent = await reply(world.directRep.token, "Yes, viewings on Saturday.");
    assert.equal(sent.status, 201, sent.text);
    const isReply = (events: { event: string; data: any }[]) =>
      events.some((e) => e.event === "message.created" && e.data.message.id === sent.body.id);
    await buyer.waitFor(isReply, 5000, "the reply on the buyer's stream");
    await groupRep.waitFor(isReply, 5000, "the reply on the group representative's stream");
    const read = await call("POST", `/api/v1/chats/${chatId}/read`, { token: world.buyer.token });
    assert.equal(read.status, 200);
    await groupRep.waitFor((events) =>
      events.some((e) => e.event === "messages.read" && e.data.chat_id === chatId),
    );
    // Outsiders' streams stay silent; give the fan-out the same time it needed above.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const outsider of [otherBuyer, otherRep]) {
      assert.deepEqual(
        outsider.events.filter((e) => e.event !== "ready").map((e) => e.event),
        [],
        "an outsider receives none of the chat's events",
      );
    }
  });

  it("resumes with Last-Event-ID: exactly the missed events, in order, once", async () => {
    const client = stream(world.buyer.token);
    await client.open();
    await client.waitFor((events) => events.some((e) => e.event === "ready"));
    await client.close();
    const sentIds: number[] = [];
    for (let i = 0; i < 5; i++) sentIds.push((await reply(world.directRep.token, `while away ${i}`)).body.id);
    const before = client.events.length;
    await client.open();
    await client.waitFor((events) => events.filter((e) => e.event === "message.created").length >= 5);
    const resumed = client.events.slice(before).filter((e) => e.event === "message.created");
    assert.deepEqual(
      resumed.map((e) => e.data.message.id),
      sentIds,
    );
    const ids = client.events.filter((e) => e.id && e.event !== "ready").map((e) => BigInt(e.id as string));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : 1)),
      "ids only increase",
    );
  });

  it("answers an unknown or expired position with resync", async () => {
    const client = stream(world.buyer.token);
    await client.open("999999999999");
    await client.waitFor((events) => events.some((e) => e.event === "resync"));
    const garbage = stream(world.buyer.token);
    await garbage.open("not-a-number");
    await garbage.waitFor((events) => events.some((e) => e.event === "resync"));
  });

  it("typing reaches only the other side, and is throttled", async () => {
    const [buyer, rep, otherRep] = [
      stream(world.buyer.token),
      stream(world.groupRep.token),
      stream(world.otherRep.token),
    ];
    await Promise.all([buyer, rep, otherRep].map((c) => c.open()));
    await Promise.all([buyer, rep, otherRep].map((c) => c.waitFor((e) => e.length > 0)));
    const typing = await call("POST", `/api/v1/company/chats/${chatId}/typing`, {
      token: world.directRep.token,
    });
    assert.equal(typing.status, 202);
    await buyer.waitFor((events) => events.some((e) => e.event === "typing" && e.data.side === "company"));
    const again = await call("POST", `/api/v1/company/chats/${chatId}/typing`, {
      token: world.directRep.token,
    });
    assert.equal(again.status, 202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(buyer.of("typing").length, 1, "a second signal within the window is not sent");
    assert.equal(rep.of("typing").length, 0, "the typist's own side does not hear it");
    assert.equal(otherRep.of("typing").length, 0, "another company does not hear it");
    const outsider = await call("POST", `/api/v1/chats/${chatId}/typing`, { token: world.otherBuyer.token });
    assert.equal(outsider.status, 404);
  });

  it("loses nothing and duplicates nothing while concurrent senders write and the client reconnects", async () => {
    const client = stream(world.directRep.token);
    await client.open();
    await client.waitFor((events) => events.some((e) => e.event === "ready"));
    const senders = [world.buyer.token, world.directRep.token, world.groupRep.token];
    const perSender = 40;
    const sending = Promise.all(
      senders.map(async (token, index) => {
        for (let i = 0; i < perSender; i++) {
          const path =
            index === 0 ? `/api/v1/chats/${chatId}/messages` : `/api/v1/company/chats/${chatId}/messages`;
          const answer = await call("POST", path, { token, body: { content: `load ${index}-${i}` } });
          assert.equal(answer.status, 201, answer.text);
        }
      }),
    );
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await client.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.open();
    }
    await sending;
    const expected = senders.length * perSender;
    const created = () =>
      client.of("message.created").filter((e) => e.data.message.content.startsWith("load "));
    await client.waitFor(() => created().length >= expected, 15000, `${expected} messages`);
    const page = await call("GET", `/api/v1/company/chats/${chatId}/messages?limit=100`, {
      token: world.directRep.token,
    });
    const older = await call(
      "GET",
      `/api/v1/company/chats/${chatId}/messages?limit=100&before=${page.body.data[0].id}`,
      {
        token: world.directRep.token,
      },
    );
    const stored = [...older.body.data, ...page.body.data]
      .filter((m: any) => m.content.startsWith("load "))
      .map((m: any) => m.id);
    const received = created().map((e) => e.data.message.id);
    assert.equal(new Set(received).size, received.length, "no message event arrives twice");
    assert.deepEqual(received, stored, "the stream's messages equal the stored ones, in order");
  });
});

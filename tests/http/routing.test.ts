// Routing over HTTP: people assign, reassign and unassign a chat (422 for someone who does not
// represent its company), lists filter by assignee, the company's settings refuse what cannot
// work and keep what they had, and new chats are routed as the settings say: least busy first,
// never over capacity, never to an away representative, even when 20 arrive at once.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { asAdmin, call, makeWorld, signUp, type TestUser, type World } from "../support/http";
import { uid } from "../support/listing-fixtures";

type Chat = { id: number; assignee: { id: number; name: string } | null };

/** A company of its own (settings are per company) with `reps` representatives linked directly. */
async function companyWithReps(reps: number): Promise<{ id: number; admin: string; reps: TestUser[] }> {
  const admin = await asAdmin();
  const made = await call("POST", "/api/v1/admin/companies", {
    token: admin,
    body: { name: `Routing ${uid()}` },
  });
  assert.equal(made.status, 201, made.text);
  const people = await Promise.all(Array.from({ length: reps }, (_, n) => signUp(`routing-rep-${n}`)));
  for (const rep of people) {
    const linked = await call("PATCH", `/api/v1/admin/users/${rep.id}`, {
      token: admin,
      body: { company_id: made.body.id },
    });
    assert.equal(linked.status, 200, linked.text);
  }
  // Ids in order: least busy breaks ties by id.
  return { id: made.body.id, admin, reps: people.sort((a, b) => a.id - b.id) };
}

const settingsPath = (companyId: number) => `/api/v1/company/settings?company_id=${companyId}`;

async function setSettings(token: string, companyId: number, body: Record<string, unknown>) {
  const answer = await call("PATCH", settingsPath(companyId), { token, body });
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

async function startChat(companyId: number, buyer?: TestUser): Promise<number> {
  buyer ??= await signUp("routing-buyer");
  const started = await call("POST", "/api/v1/chats", {
    token: buyer.token,
    body: { company_id: companyId },
  });
  assert.equal(started.status, 201, started.text);
  return started.body.id;
}

/** Each chat of the company's, by id, as the company side sees it. */
async function chatsOf(token: string, companyId: number, filter = ""): Promise<Chat[]> {
  const answer = await call("GET", `/api/v1/company/chats?company_id=${companyId}&limit=100${filter}`, {
    token,
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data;
}

const idsOf = (chats: Chat[]) => chats.map((chat) => chat.id).sort((a, b) => a - b);

describe("assigning by hand, and the assignee filter", () => {
  let w: World;
  let chatId: number;
  const assign = (assigneeId: number | null, token = w.directRep.token) =>
    call("PATCH", `/api/v1/company/chats/${chatId}`, { token, body: { assignee_id: assigneeId } });
  before(async () => {
    w = await makeWorld();
    chatId = await startChat(w.companyA, w.buyer);
  });

  it("a new chat of a company that routes by hand waits in the queue", async () => {
    const queue = await chatsOf(w.directRep.token, w.companyA, "&assignee=none");
    assert.deepEqual(idsOf(queue), [chatId]);
    assert.equal(queue[0]?.assignee, null);
  });

  it("assigns, reassigns and unassigns, and each list shows where the chat is", async () => {
    const mine = await assign(w.directRep.id);
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.assignee.id, w.directRep.id);
    assert.deepEqual(idsOf(await chatsOf(w.directRep.token, w.companyA, "&assignee=me")), [chatId]);
    assert.deepEqual(await chatsOf(w.directRep.token, w.companyA, "&assignee=none"), []);

    const theirs = await assign(w.groupRep.id);
    assert.equal(theirs.body.assignee.id, w.groupRep.id);
    assert.deepEqual(await chatsOf(w.directRep.token, w.companyA, "&assignee=me"), []);
    assert.deepEqual(idsOf(await chatsOf(w.directRep.token, w.companyA, `&assignee=${w.groupRep.id}`)), [
      chatId,
    ]);

    const queued = await assign(null);
    assert.equal(queued.body.assignee, null);
    assert.deepEqual(idsOf(await chatsOf(w.groupRep.token, w.companyA, "&assignee=none")), [chatId]);
  });

  it("refuses an assignee who does not represent the chat's company (422), and nothing moves", async () => {
    await assign(w.groupRep.id);
    for (const stranger of [w.otherRep.id, w.buyer.id]) {
      const refused = await assign(stranger);
      assert.equal(refused.status, 422, refused.text);
      assert.match(refused.headers.get("content-type") ?? "", /^application\/problem\+json/);
    }
    const chat = await call("GET", `/api/v1/company/chats/${chatId}`, { token: w.directRep.token });
    assert.equal(chat.body.assignee.id, w.groupRep.id);
  });

  it("shows the assignee to the company side only", async () => {
    const [one, list] = await Promise.all([
      call("GET", `/api/v1/chats/${chatId}`, { token: w.buyer.token }),
      call("GET", "/api/v1/chats?limit=100", { token: w.buyer.token }),
    ]);
    assert.equal(one.status, 200, one.text);
    assert.equal(list.body.data[0]?.id, chatId);
    assert.equal("assignee" in one.body, false);
    assert.equal("assignee" in list.body.data[0], false);
  });
});

describe("routing settings", () => {
  let company: Awaited<ReturnType<typeof companyWithReps>>;
  before(async () => {
    company = await companyWithReps(1);
  });
  const read = async () => {
    const answer = await call("GET", settingsPath(company.id), { token: company.reps[0]?.token });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  };

  it("a company that never saved settings routes by hand and is always open", async () => {
    assert.deepEqual(await read(), {
      company_id: company.id,
      routing: "manual",
      max_open_per_rep: null,
      reassign_after_minutes: null,
      timezone: "UTC",
      business_hours: null,
      away_message: null,
    });
  });

  it("saves what is sent and refuses, changing nothing, what cannot work", async () => {
    const saved = await setSettings(company.reps[0]?.token ?? "", company.id, {
      routing: "round_robin",
      max_open_per_rep: 3,
      timezone: "Europe/Lisbon",
      business_hours: { mon: [{ start: "09:00", end: "18:00" }] },
      away_message: "Back at nine.",
    });
    assert.equal(saved.routing, "round_robin");
    assert.deepEqual(await read(), saved);
    const refusals: [Record<string, unknown>, string][] = [
      [{ timezone: "Mars/Olympus_Mons" }, "timezone"],
      [{ business_hours: { tue: [{ start: "18:00", end: "09:00" }] } }, "business_hours.tue.0.end"],
      [{ max_open_per_rep: -1 }, "max_open_per_rep"],
      [{ routing: "random" }, "routing"],
    ];
    for (const [refused, field] of refusals) {
      // With a valid change beside it: the refusal takes that one down too.
      const answer = await call("PATCH", settingsPath(company.id), {
        token: company.reps[0]?.token,
        body: { away_message: "Changed?", ...refused },
      });
      assert.equal(answer.status, 422, `${JSON.stringify(refused)}: ${answer.text}`);
      const fields = answer.body.errors.map((issue: { field: string }) => issue.field);
      assert.ok(fields.includes(field), `${field} in ${JSON.stringify(fields)}`);
    }
    assert.deepEqual(await read(), saved);
  });
});

describe("routing new chats", () => {
  it("least busy: the representative with the fewest open chats, never over capacity", async () => {
    const company = await companyWithReps(2);
    const [first, second] = company.reps;
    await setSettings(company.admin, company.id, { routing: "least_busy", max_open_per_rep: 1 });
    const chats: number[] = [];
    for (let n = 0; n < 3; n++) chats.push(await startChat(company.id));
    const byId = new Map(
      (await chatsOf(company.admin, company.id)).map((chat) => [chat.id, chat.assignee?.id]),
    );
    assert.deepEqual(
      chats.map((id) => byId.get(id) ?? null),
      [first?.id, second?.id, null],
    );
  });

  it("an away representative gets no new chats until available again", async () => {
    const company = await companyWithReps(2);
    const [away, working] = company.reps;
    await setSettings(company.admin, company.id, { routing: "round_robin" });
    const marked = await call("PATCH", "/api/v1/me", { token: away?.token, body: { availability: "away" } });
    assert.equal(marked.status, 200, marked.text);
    assert.equal(marked.body.availability, "away");
    await startChat(company.id);
    await startChat(company.id);
    assert.deepEqual(
      (await chatsOf(company.admin, company.id)).map((chat) => chat.assignee?.id),
      [working?.id, working?.id],
    );
    const back = await call("PATCH", "/api/v1/me", {
      token: away?.token,
      body: { availability: "available" },
    });
    assert.equal(back.body.availability, "available");
    await startChat(company.id);
    const routed = (await chatsOf(company.admin, company.id)).map((chat) => chat.assignee?.id);
    assert.ok(routed.includes(away?.id), `the representative is back in turn: ${routed}`);
  });

  it("20 simultaneous new chats never exceed any representative's capacity", async () => {
    const company = await companyWithReps(3);
    await setSettings(company.admin, company.id, { routing: "least_busy", max_open_per_rep: 5 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => signUp("routing-rush")));
    const answers = await Promise.all(
      buyers.map((buyer) =>
        call("POST", "/api/v1/chats", { token: buyer.token, body: { company_id: company.id } }),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      answers.map(() => 201),
    );
    const load = new Map<number | null, number>();
    for (const chat of await chatsOf(company.admin, company.id)) {
      const key = chat.assignee?.id ?? null;
      load.set(key, (load.get(key) ?? 0) + 1);
    }
    for (const rep of company.reps)
      assert.equal(load.get(rep.id), 5, `rep ${rep.id} holds exactly their capacity`);
    assert.equal(load.get(null), 5, "the rest wait in the queue");
  });
});

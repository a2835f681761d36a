// Routing: who answers a new chat (manual, round robin, least busy), never over capacity and never
// an away representative, race-free under simultaneous arrivals; and people assigning by hand.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addGroupMember, removeGroupMember } from "../../lib/admin/groups";
import { updateUserAccess } from "../../lib/admin/users";
import type { Actor } from "../../lib/auth/actor";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { db } from "../../lib/db/client";
import type { RoutingPolicy } from "../../lib/generated/prisma/enums";
import { createLead } from "../../lib/leads/create-lead";
import { sendMessage } from "../../lib/messages/send-message";
import { addNote, listNotes } from "../../lib/notes/notes";
import { currentEventPosition, readVisibleEventsAfter } from "../../lib/realtime/stored-events";
import { RoutingSettingsPatchSchema } from "../../lib/routing/schemas";
import { setAssignee } from "../../lib/routing/set-assignee";
import { getRoutingSettings, updateRoutingSettings } from "../../lib/routing/settings";
import {
  createCompany,
  createGroupRepresentative,
  createUser,
  unique,
  withTestDatabase,
} from "../support/database";

withTestDatabase();

async function companyWithReps(reps: number, settings: { routing: RoutingPolicy; maxOpenPerRep?: number }) {
  const company = await createCompany();
  const people: Actor[] = [];
  for (let n = 0; n < reps; n++) people.push(await createUser({ companyId: company.id }));
  await db().companySettings.create({
    data: { companyId: company.id, routing: settings.routing, maxOpenPerRep: settings.maxOpenPerRep ?? null },
  });
  return { company, reps: people };
}

const newBuyers = (count: number) => Promise.all(Array.from({ length: count }, () => createUser()));

async function assigneesOf(companyId: number): Promise<(number | null)[]> {
  const chats = await db().chat.findMany({
    where: { companyId },
    orderBy: { id: "asc" },
    select: { assigneeId: true },
  });
  return chats.map((chat) => chat.assigneeId);
}

describe("routing new chats", () => {
  it("manual (the default) leaves a new chat in the queue", async () => {
    const company = await createCompany();
    await createUser({ companyId: company.id });
    const [buyer] = await newBuyers(1);
    await getOrCreateChat(buyer as Actor, { companyId: company.id });
    assert.deepEqual(await assigneesOf(company.id), [null]);
  });

  it("round robin takes representatives in turn, skipping the away one", async () => {
    const { company, reps } = await companyWithReps(3, { routing: "round_robin" });
    const [first, away, third] = reps as [Actor, Actor, Actor];
    await db().user.update({ where: { id: away.userId }, data: { availability: "away" } });
    for (const buyer of await newBuyers(4)) await getOrCreateChat(buyer, { companyId: company.id });
    assert.deepEqual(await assigneesOf(company.id), [first.userId, third.userId, first.userId, third.userId]);
  });

  it("least busy fills the emptiest first and stops at capacity; group representatives count", async () => {
    const { company, reps } = await companyWithReps(1, { routing: "least_busy", maxOpenPerRep: 2 });
    const grouped = await createGroupRepresentative(company.id);
    for (const buyer of await newBuyers(5)) await getOrCreateChat(buyer, { companyId: company.id });
    const assignees = await assigneesOf(company.id);
    const count = (id: number | null) => assignees.filter((assignee) => assignee === id).length;
    assert.equal(count((reps[0] as Actor).userId), 2);
    assert.equal(count(grouped.userId), 2);
    assert.equal(count(null), 1, "nobody has room for the fifth");
  });

  it("a lead is routed in its own transaction, and only the company side hears of it", async () => {
    const { company, reps } = await companyWithReps(1, { routing: "least_busy" });
    const rep = reps[0] as Actor;
    const start = await currentEventPosition();
    const lead = await createLead(rep, {
      lead: { email: `${unique("lead")}@example.test`, name: "Lee", message: "Hello", source: "Portal" },
      idempotencyKey: "route-1",
    });
    assert.deepEqual(await assigneesOf(company.id), [rep.userId]);
    const repSees = await readVisibleEventsAfter(rep, start, 100);
    assert.deepEqual(
      repSees.map((event) => event.type),
      ["chat.created", "chat.assigned", "message.created", "lead.created"],
    );
    const buyer = { ...rep, userId: lead.buyerId, companyIds: [], directCompany: null, isAdmin: false };
    const buyerSees = await readVisibleEventsAfter(buyer, start, 100);
    assert.deepEqual(
      buyerSees.map((event) => event.type),
      ["chat.created", "message.created"],
    );
  });

  it("simultaneous arrivals never exceed capacity nor reach an away representative", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          reps: fc.integer({ min: 1, max: 4 }),
          away: fc.integer({ min: 0, max: 2 }),
          capacity: fc.integer({ min: 1, max: 4 }),
          arrivals: fc.integer({ min: 1, max: 12 }),
          routing: fc.constantFrom<RoutingPolicy>("round_robin", "least_busy"),
        }),
        async ({ reps: repCount, away, capacity, arrivals, routing }) => {
          const { company, reps } = await companyWithReps(repCount + away, {
            routing,
            maxOpenPerRep: capacity,
          });
          const awayIds = reps.slice(repCount).map((rep) => rep.userId);
          if (awayIds.length) {
            await db().user.updateMany({ where: { id: { in: awayIds } }, data: { availability: "away" } });
          }
          const buyers = await newBuyers(arrivals);
          await Promise.all(buyers.map((buyer) => getOrCreateChat(buyer, { companyId: company.id })));
          const assignees = await assigneesOf(company.id);
          const loads = new Map<number, number>();
          for (const id of assignees) if (id !== null) loads.set(id, (loads.get(id) ?? 0) + 1);
          for (const [id, load] of loads) {
            assert.ok(load <= capacity, `representative ${id} holds ${load} > ${capacity}`);
            assert.ok(!awayIds.includes(id), "an away representative got a chat");
          }
          // Nobody is left in the queue while someone available has room.
          const assigned = assignees.filter((id) => id !== null).length;
          assert.equal(assigned, Math.min(arrivals, repCount * capacity));
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("assigning by hand", () => {
  it("assigns, reassigns and unassigns; someone outside the company is refused; another tenant's chat is 404", async () => {
    const company = await createCompany();
    const [rep, colleague, outsider, buyer] = await Promise.all([
      createUser({ companyId: company.id }),
      createUser({ companyId: company.id }),
      createUser({ companyId: (await createCompany()).id }),
      createUser(),
    ]);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    const start = await currentEventPosition();
    assert.equal(await setAssignee(rep, chat.id, colleague.userId), true);
    assert.equal(await setAssignee(rep, chat.id, colleague.userId), false, "no change, no event");
    await assert.rejects(setAssignee(rep, chat.id, outsider.userId), { code: "validation_failed" });
    await assert.rejects(setAssignee(outsider, chat.id, outsider.userId), { code: "not_found" });
    await assert.rejects(setAssignee(buyer, chat.id, null), { code: "not_found" });
    assert.equal(await setAssignee(rep, chat.id, null), true);
    assert.deepEqual(await assigneesOf(company.id), [null]);
    const events = await readVisibleEventsAfter(rep, start, 100);
    assert.deepEqual(
      events.map((event) => [event.type, (event.payload as { assignee: unknown }).assignee]),
      [
        ["chat.assigned", { id: colleague.userId, name: colleague.name }],
        ["chat.assigned", null],
      ],
    );
    assert.deepEqual(await readVisibleEventsAfter(buyer, start, 100), [], "the buyer hears nothing of it");
  });
});

describe("settings", () => {
  it("default to manual and always open; change only what is sent; clearing the hours saves null", async () => {
    const company = await createCompany();
    const rep = await createUser({ companyId: company.id });
    const outsider = await createUser({ companyId: (await createCompany()).id });
    assert.equal((await getRoutingSettings(rep)).routing, "manual");
    const hours = { mon: [{ start: "09:00", end: "17:00" }] };
    await updateRoutingSettings(rep, {
      patch: { routing: "least_busy", business_hours: hours, timezone: "Europe/Paris" },
    });
    const changed = await updateRoutingSettings(rep, { patch: { max_open_per_rep: 3 } });
    assert.deepEqual(
      { ...changed, companyId: 0 },
      {
        companyId: 0,
        routing: "least_busy",
        maxOpenPerRep: 3,
        reassignAfterMinutes: null,
        timezone: "Europe/Paris",
        businessHours: hours,
        awayMessage: null,
      },
    );
    assert.equal((await updateRoutingSettings(rep, { patch: { business_hours: null } })).businessHours, null);
    await assert.rejects(getRoutingSettings(outsider, company.id), { code: "not_found" });
  });

  it("refuse unknown time zones, hours that end before they start, overlaps and negative capacities", () => {
    const refused = (patch: unknown) => !RoutingSettingsPatchSchema.safeParse(patch).success;
    assert.ok(refused({ timezone: "Mars/Olympus" }));
    assert.ok(refused({ business_hours: { mon: [{ start: "17:00", end: "09:00" }] } }));
    assert.ok(
      refused({
        business_hours: {
          tue: [
            { start: "09:00", end: "12:00" },
            { start: "11:00", end: "14:00" },
          ],
        },
      }),
    );
    assert.ok(refused({ business_hours: { someday: [] } }));
    assert.ok(refused({ max_open_per_rep: -1 }));
    assert.ok(refused({ routing: "random" }));
    assert.ok(
      !refused({ timezone: "America/New_York", business_hours: { sat: [{ start: "10:00", end: "24:00" }] } }),
    );
  });
});

describe("notes", () => {
  it("are the company side's: written and read by representatives, announced only to them", async () => {
    const company = await createCompany();
    const [rep, buyer, outsider] = await Promise.all([
      createUser({ companyId: company.id }),
      createUser(),
      createUser({ companyId: (await createCompany()).id }),
    ]);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id, content: "Hello" });
    const start = await currentEventPosition();
    const note = await addNote(rep, chat.id, { content: "Asked twice about parking; call after 6." });
    assert.deepEqual(
      (await listNotes(rep, chat.id)).map((n) => n.id),
      [note.id],
    );
    await assert.rejects(listNotes(buyer, chat.id), { code: "not_found" });
    await assert.rejects(addNote(buyer, chat.id, { content: "x" }), { code: "not_found" });
    await assert.rejects(listNotes(outsider, chat.id), { code: "not_found" });
    assert.deepEqual(
      (await readVisibleEventsAfter(rep, start, 10)).map((event) => event.type),
      ["note.created"],
    );
    assert.deepEqual(await readVisibleEventsAfter(buyer, start, 10), []);
  });
});

describe("a representative who leaves the company", () => {
  it("loses its chats to the queue, by direct link or by group, and only that company's", async () => {
    const [company, other] = await Promise.all([createCompany(), createCompany()]);
    const admin = await createUser({ isAdmin: true });
    const direct = await createUser({ companyId: company.id });
    const grouped = await createGroupRepresentative(company.id);
    await addGroupMember(admin, `company_${other.id}`, direct.userId);
    const [first, second, third] = await newBuyers(3);
    const chatOf = async (buyer: Actor | undefined, companyId: number) =>
      (await getOrCreateChat(buyer as Actor, { companyId })).chat.id;
    const mine = await chatOf(first, company.id);
    const elsewhere = await chatOf(second, other.id);
    const groups = await chatOf(third, company.id);
    await setAssignee(admin, mine, direct.userId);
    await setAssignee(admin, elsewhere, direct.userId);
    await setAssignee(admin, groups, grouped.userId);
    const start = await currentEventPosition();

    await updateUserAccess(admin, direct.userId, { companyId: null });
    await removeGroupMember(admin, `company_${company.id}`, grouped.userId);

    const assigneeOf = async (id: number) =>
      (await db().chat.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;
    assert.equal(await assigneeOf(mine), null);
    assert.equal(await assigneeOf(groups), null);
    assert.equal(await assigneeOf(elsewhere), direct.userId, "still represents the other company by group");
    const events = await readVisibleEventsAfter(admin, start, 10);
    assert.deepEqual(
      events.map((event) => [
        (event.payload as { chat_id: number }).chat_id,
        (event.payload as { reason: string }).reason,
      ]),
      [
        [mine, "unlinked"],
        [groups, "unlinked"],
      ],
    );
  });
});

describe("the away message", () => {
  async function closedCompany(hours: Record<string, unknown> | null = {}) {
    const company = await createCompany();
    const rep = await createUser({ companyId: company.id });
    const buyer = await createUser();
    // {}: no day has hours, so the company is closed whenever the test runs.
    await updateRoutingSettings(rep, {
      patch: {
        business_hours: hours,
        away_message: "We answer from 9:00 tomorrow.",
        timezone: "Europe/Paris",
      },
    });
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    return { rep, buyer, chatId: chat.id };
  }
  const automaticIn = (chatId: number) =>
    db().message.findMany({
      where: { chatId, automatic: true },
      select: { content: true, senderType: true, senderId: true },
    });

  it("answers a buyer once per quiet spell while closed; a person's reply starts a new spell", async () => {
    const { rep, buyer, chatId } = await closedCompany();
    await sendMessage(buyer, "buyer", chatId, { content: "Hello?" });
    await sendMessage(buyer, "buyer", chatId, { content: "Anyone?" });
    assert.deepEqual(await automaticIn(chatId), [
      { content: "We answer from 9:00 tomorrow.", senderType: "company", senderId: null },
    ]);
    await sendMessage(rep, "company", chatId, { content: "Morning! Yes, it is free." });
    await sendMessage(buyer, "buyer", chatId, { content: "And tonight again?" });
    assert.equal((await automaticIn(chatId)).length, 2);
  });

  it("a lead at night is a buyer's message at night: it hears the away message too", async () => {
    const { rep, chatId } = await closedCompany();
    const { buyer } = await closedCompany();
    const lead = await createLead(rep, {
      lead: { email: buyer.email, name: "Night Owl", message: "Still for sale?", source: "Portal" },
      idempotencyKey: "night-1",
    });
    assert.notEqual(lead.chatId, chatId);
    assert.equal((await automaticIn(lead.chatId)).length, 1);
  });

  it("two buyer messages at once get one away message", async () => {
    const { buyer, chatId } = await closedCompany();
    await Promise.all([1, 2, 3].map((n) => sendMessage(buyer, "buyer", chatId, { content: `At once ${n}` })));
    assert.equal((await automaticIn(chatId)).length, 1);
  });

  it("stays quiet while open (no hours set means always open) and for the company's own messages", async () => {
    const { buyer, chatId } = await closedCompany(null);
    await sendMessage(buyer, "buyer", chatId, { content: "Hello?" });
    const closed = await closedCompany();
    await sendMessage(closed.rep, "company", closed.chatId, { content: "Following up." });
    assert.equal((await automaticIn(chatId)).length + (await automaticIn(closed.chatId)).length, 0);
  });
});

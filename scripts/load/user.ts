// One simulated person for the length of the run: every 1-3 s (with jitter) they send a message,
// and now and then they read their inbox or mark a chat read. Buyers write in their own chat;
// representatives answer a chat of their company. Each send carries an Idempotency-Key and is
// retried with the same key after a network failure, a 503 (busy) or a 409 (the first attempt
// still running), as a careful client does; whatever a 201 acknowledges is then checked.
import { randomUUID } from "node:crypto";
import type { Api } from "./api";
import type { Chat, Person, World } from "./world";

export type Acknowledged = { messageId: number; chat: Chat; key: string; content: string; startedAt: number };

const RETRYABLE = new Set([0, 409, 429, 503]);
const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

export type UserRun = { acknowledged: Acknowledged[]; unacknowledged: number };

export async function simulate(api: Api, world: World, person: Person, until: number, log: UserRun) {
  const companyChats = world.chats.filter((chat) => chat.companyId === person.companyId);
  const ownChat = world.chatOf.get(person.id);
  // Start at a random moment within the first pace interval, so 200 users do not act in step.
  await sleep(Math.random() * 2000);
  let turn = 0;
  while (Date.now() < until) {
    turn++;
    const chat = person.role === "buyer" ? (ownChat as Chat) : pick(companyChats);
    await send(api, person, chat, turn, log);
    if (turn % 4 === 0) await markRead(api, person, chat);
    if (turn % 5 === 0) await readInbox(api, person);
    await sleep(1000 + Math.random() * 2000);
  }
}

async function send(api: Api, person: Person, chat: Chat, turn: number, log: UserRun) {
  const key = randomUUID();
  const content = `load ${person.role} ${person.id} #${turn} ${key.slice(0, 8)}`;
  const path =
    person.role === "buyer"
      ? `/api/v1/chats/${chat.id}/messages`
      : `/api/v1/company/chats/${chat.id}/messages`;
  const startedAt = performance.now();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const reply = await api.request("send", "POST", path, {
      token: person.token,
      body: { content },
      headers: { "idempotency-key": key },
    });
    if (reply.status === 201) {
      log.acknowledged.push({ messageId: reply.body.id, chat, key, content, startedAt });
      return;
    }
    if (!RETRYABLE.has(reply.status)) {
      api.metricsOf().noteUnexpected("send", reply.status);
      break;
    }
    await sleep(Math.min(5000, 200 * 2 ** attempt) * (0.5 + Math.random()));
  }
  log.unacknowledged++;
}

async function markRead(api: Api, person: Person, chat: Chat) {
  const path =
    person.role === "buyer" ? `/api/v1/chats/${chat.id}/read` : `/api/v1/company/chats/${chat.id}/read`;
  const reply = await api.request("mark-read", "POST", path, { token: person.token });
  if (reply.status !== 200) api.metricsOf().noteUnexpected("mark-read", reply.status);
}

async function readInbox(api: Api, person: Person) {
  const path = person.role === "buyer" ? "/api/v1/chats?limit=20" : "/api/v1/company/chats?limit=20";
  const reply = await api.request("inbox", "GET", path, { token: person.token });
  if (reply.status !== 200) api.metricsOf().noteUnexpected("inbox", reply.status);
}

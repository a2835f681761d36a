// The checks after the load: every acknowledged message is stored exactly once (read back
// through the API, page by page, as its chat's buyer), and reached every stream that should have
// it exactly once.
//
// "Should": every stream is open (the server said `ready`) before the first message is sent, and
// a dropped stream is reopened with Last-Event-ID, which obliges the server to replay what it
// missed. So the chat's buyer and every representative of its company must each get every
// message of the chat, exactly once, whatever reconnects happened: a message id arriving twice on
// one person's stream, across reconnects or not, is a duplicate.
import type { Api } from "./api";
import type { ResumingStream } from "./stream";
import type { Acknowledged } from "./user";
import { audienceOf, type World } from "./world";

export type Findings = {
  lostInDatabase: number;
  duplicatedInDatabase: number;
  lostOnStreams: number;
  duplicatedOnStreams: number;
  /** Send → first arrival on each stream that should get it, in ms. */
  deliveryLatencies: number[];
  /** Whether all expected deliveries arrived before the drain deadline. */
  drained: boolean;
};

type Expectation = { message: Acknowledged; stream: ResumingStream };

function expectations(world: World, streams: Map<number, ResumingStream>, acked: Acknowledged[]) {
  const expected: Expectation[] = [];
  for (const message of acked) {
    for (const person of audienceOf(world, message.chat)) {
      const stream = streams.get(person.id);
      if (stream) expected.push({ message, stream });
    }
  }
  return expected;
}

/** Waits (up to `ms`) until every stream has every message it should; true when they all did. */
export async function drain(
  world: World,
  streams: Map<number, ResumingStream>,
  acked: Acknowledged[],
  ms: number,
) {
  const expected = expectations(world, streams, acked);
  const deadline = Date.now() + ms;
  for (;;) {
    const missing = expected.filter(({ message, stream }) => !stream.deliveries.has(message.messageId));
    if (missing.length === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function checkStreams(world: World, streams: Map<number, ResumingStream>, acked: Acknowledged[]) {
  let lost = 0;
  let duplicated = 0;
  const latencies: number[] = [];
  for (const { message, stream } of expectations(world, streams, acked)) {
    const delivery = stream.deliveries.get(message.messageId);
    if (!delivery) {
      lost++;
      continue;
    }
    duplicated += delivery.count - 1;
    latencies.push(delivery.firstAt - message.startedAt);
  }
  return { lost, duplicated, latencies };
}

/** Every message of one chat, newest page first, through `before` cursors. */
async function allMessages(api: Api, token: string, chatId: number) {
  const messages: { id: number; content: string }[] = [];
  let before: number | undefined;
  for (;;) {
    const query = before === undefined ? "limit=100" : `limit=100&before=${before}`;
    const page = await api.must("GET", `/api/v1/chats/${chatId}/messages?${query}`, { token }, [200]);
    messages.push(...page.data);
    if (!page.has_more) return messages;
    before = page.data[0].id;
  }
}

export async function checkDatabase(api: Api, world: World, acked: Acknowledged[]) {
  let lost = 0;
  let duplicated = 0;
  for (const chat of world.chats) {
    const buyer = world.buyers.find((person) => person.id === chat.buyerId);
    if (!buyer) continue;
    const stored = await allMessages(api, buyer.token, chat.id);
    // Every send's content is unique (it carries part of its key), so a second row with the
    // same content is a duplicate, whether or not it carries the same client_message_id.
    const byContent = new Map<string, number>();
    for (const message of stored) byContent.set(message.content, (byContent.get(message.content) ?? 0) + 1);
    const storedIds = new Map(stored.map((message) => [message.id, message]));
    for (const message of acked.filter((m) => m.chat.id === chat.id)) {
      const found = storedIds.get(message.messageId);
      if (!found || found.content !== message.content) lost++;
      duplicated += Math.max(0, (byContent.get(message.content) ?? 0) - 1);
    }
  }
  return { lost, duplicated };
}

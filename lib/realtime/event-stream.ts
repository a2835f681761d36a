// One Server-Sent Events stream: catch up from Last-Event-ID, then live from the hub, with no
// loss and no duplicates between the two. Events are numbered gap-free in commit order
// (appendEvent), so "deliver only ids above the cursor" is the whole de-duplication rule.
import type { Actor } from "../auth/actor";
import { logEvent } from "../log";
import { eventHub, type HubSubscriber } from "./hub";
import {
  currentEventPosition,
  oldestEventId,
  readVisibleEventsAfter,
  type StoredEvent,
} from "./stored-events";
import type { AccessLost, StreamCredential } from "./stream-access";
import type { TypingSignal } from "./typing-signal";

export const HEARTBEAT_MS = 15_000;
/** More missed events than this and the client is better served refetching (a resync). */
export const MAX_CATCH_UP = 1_000;
/** A client this far behind is dropped; it reconnects with Last-Event-ID and loses nothing. */
export const MAX_QUEUED = 1_000;

const encoder = new TextEncoder();

function frame(fields: { id?: bigint; event: string; data: unknown }): Uint8Array {
  const id = fields.id !== undefined ? `id: ${fields.id}\n` : "";
  return encoder.encode(`${id}event: ${fields.event}\ndata: ${JSON.stringify(fields.data)}\n\n`);
}

const eventFrame = (event: StoredEvent) =>
  frame({
    id: event.id,
    event: event.type,
    data: { id: String(event.id), type: event.type, ...(event.payload as object) },
  });

/** Where a resuming client starts, or null when it must resync (unknown or expired id). */
async function resumePoint(lastEventId: bigint, current: bigint): Promise<bigint | null> {
  if (lastEventId > current) return null;
  if (lastEventId === current) return lastEventId;
  const oldest = await oldestEventId();
  return oldest !== null && lastEventId >= oldest - 1n ? lastEventId : null;
}

/** Who opened the stream: the actor as of now, the credential to ask again, when it expires. */
export type StreamCaller = { actor: Actor; credential: StreamCredential; expiresAt: Date | null };

/** setTimeout's limit (about 24.8 days); a later expiry is left to the hub's periodic check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function openEventStream(
  caller: StreamCaller,
  lastEventId: bigint | null,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const { actor, credential, expiresAt } = caller;
  const hub = eventHub();
  let cursor = -1n;
  let live = false;
  const early: StoredEvent[] = [];
  let stop = () => {};

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          stop();
          try {
            controller.close();
          } catch {
            // already closed by the consumer
          }
        };
        const send = (chunk: Uint8Array) => {
          if (closed) return;
          // A slow reader must not hold memory for everyone: drop it, it will resume.
          if ((controller.desiredSize ?? 0) <= -MAX_QUEUED) return close();
          controller.enqueue(chunk);
        };
        const deliver = (event: StoredEvent) => {
          if (event.id <= cursor) return;
          cursor = event.id;
          send(eventFrame(event));
        };
        // The last frame when the credential stops working; the client must not reconnect with it.
        const end = (reason: AccessLost) => {
          send(frame({ event: "access.revoked", data: { reason } }));
          close();
        };
        const subscriber: HubSubscriber = {
          actor,
          credential,
          onEvent: (event) => (live ? deliver(event) : early.push(event)),
          onTyping: (typing: TypingSignal) => send(frame({ event: "typing", data: typing })),
          // What the client shows may now be wider or narrower: it refetches its lists.
          onAccessChanged: (now) =>
            send(
              frame({
                event: "access.changed",
                data: { is_admin: now.isAdmin, company_ids: now.companyIds },
              }),
            ),
          onAccessLost: end,
        };
        const unsubscribe = hub.subscribe(subscriber);
        const untilExpiry = expiresAt ? expiresAt.getTime() - Date.now() : null;
        const expiry =
          untilExpiry !== null && untilExpiry < MAX_TIMER_MS
            ? setTimeout(() => end("expired"), untilExpiry)
            : null;
        const heartbeat = setInterval(() => send(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
        stop = () => {
          clearInterval(heartbeat);
          if (expiry) clearTimeout(expiry);
          unsubscribe();
        };
        signal.addEventListener("abort", close, { once: true });

        try {
          await hub.ready;
          send(encoder.encode("retry: 2000\n\n"));
          const current = await currentEventPosition();
          const from = lastEventId === null ? current : await resumePoint(lastEventId, current);
          const missed =
            from === null ? [] : await readVisibleEventsAfter(subscriber.actor, from, MAX_CATCH_UP + 1);
          if (from === null || missed.length > MAX_CATCH_UP) {
            // Too old, unknown or too much to replay: the client refetches, then goes on from now.
            cursor = current;
            send(
              frame({
                id: current,
                event: "resync",
                data: { reason: from === null ? "unknown_position" : "too_far_behind" },
              }),
            );
          } else {
            cursor = from;
            send(frame({ id: from, event: "ready", data: { position: String(from) } }));
            for (const event of missed) deliver(event);
          }
          live = true;
          for (const event of early.splice(0)) deliver(event);
        } catch (error) {
          logEvent("error", { msg: "event stream failed to start", error: String(error) });
          close();
        }
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: MAX_QUEUED },
  );
}

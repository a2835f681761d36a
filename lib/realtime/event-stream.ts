// One Server-Sent Events stream: catch up from Last-Event-ID, then live from the hub, with no
// loss and no duplicates between the two. Events are numbered gap-free in commit order
// (appendEvent), so "deliver only ids above the cursor" is the whole de-duplication rule.
import type { Actor } from "../auth/actor";
import { logEvent } from "../log";
import { eventHub } from "./hub";
import {
  currentEventPosition,
  oldestEventId,
  readVisibleEventsAfter,
  type StoredEvent,
} from "./stored-events";
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

export function openEventStream(
  actor: Actor,
  lastEventId: bigint | null,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
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
        const unsubscribe = hub.subscribe({
          actor,
          onEvent: (event) => (live ? deliver(event) : early.push(event)),
          onTyping: (typing: TypingSignal) => send(frame({ event: "typing", data: typing })),
        });
        const heartbeat = setInterval(() => send(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
        stop = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        signal.addEventListener("abort", close, { once: true });

        try {
          await hub.ready;
          send(encoder.encode("retry: 2000\n\n"));
          const current = await currentEventPosition();
          const from = lastEventId === null ? current : await resumePoint(lastEventId, current);
          const missed = from === null ? [] : await readVisibleEventsAfter(actor, from, MAX_CATCH_UP + 1);
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

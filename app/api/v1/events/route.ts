import { AppError } from "@/lib/errors";
import { requireCaller } from "@/lib/http/authenticate";
import { v1Route } from "@/lib/http/route";
import { openEventStream } from "@/lib/realtime/event-stream";
import { eventHub } from "@/lib/realtime/hub";
import type { StreamCredential } from "@/lib/realtime/stream-access";

export const dynamic = "force-dynamic";

/** Streams per user on one instance: tabs, devices and integrations, with room to spare. */
const MAX_STREAMS_PER_USER = 20;

/** The id to resume after: EventSource sends Last-Event-ID itself; others may use the query. */
function lastEventIdOf(request: Request): bigint | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("last_event_id");
  if (raw === null || raw.trim() === "") return null;
  // An id we cannot read is treated like one we no longer have: the stream answers with resync.
  return /^\d{1,19}$/.test(raw.trim()) ? BigInt(raw.trim()) : -1n;
}

/** Server-Sent Events: everything the caller may see, resumable with Last-Event-ID. */
export const GET = v1Route(async ({ request }) => {
  const caller = await requireCaller(request, "chats:read");
  const { actor } = caller;
  if (eventHub().countStreamsOf(actor.userId) >= MAX_STREAMS_PER_USER) {
    throw new AppError(
      "too_many_requests",
      `At most ${MAX_STREAMS_PER_USER} event streams per user at once.`,
    );
  }
  // The stream asks again with this credential whenever its access may have changed.
  const credential: StreamCredential = caller.apiKey
    ? { kind: "api_key", keyId: caller.apiKey.id }
    : { kind: "session", sessionId: caller.sessionId };
  const stream = openEventStream(
    { actor, credential, expiresAt: caller.expiresAt },
    lastEventIdOf(request),
    request.signal,
  );
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
});

// The per-process fan-out. Notifications carry only ids; the hub reads the new events once,
// in id order, and hands each to every stream whose actor may see it. A periodic poll and a
// read after every listener reconnect make a lost notification cost latency, never an event.
//
// Each stream's actor is what its credential may see now, not when it connected: an access
// notification (ACCESS_CHANNEL) makes the hub ask again for the streams it names, and events are
// not handed out while an answer is pending. PostgreSQL delivers a listener's notifications in
// commit order, so an event committed after an access change is filtered by the new access.
// Every ACCESS_RECHECK_MS, and after the listener reconnects, every stream is asked again: a
// lost notification delays the change, it does not skip it.
import type { Actor } from "../auth/actor";
import { seesEvent } from "../chats/scope";
import { EVENTS_CHANNEL } from "../events/append-event";
import { logEvent } from "../log";
import { type Listener, startListener } from "./listener";
import {
  currentEventPosition,
  pruneOldEvents,
  type StoredEvent,
  unsafeReadAllEventsAfter,
} from "./stored-events";
import {
  type AccessLost,
  concerns,
  currentStreamAccess,
  parseAccessChange,
  type StreamCredential,
  sameAccess,
} from "./stream-access";
import { TYPING_CHANNEL, type TypingSignal, typingAudience } from "./typing-signal";

export type HubSubscriber = {
  /** What the stream may see now; the hub replaces it when the credential's access changes. */
  actor: Actor;
  credential: StreamCredential;
  onEvent(event: StoredEvent): void;
  onTyping(signal: TypingSignal): void;
  /** The access changed and the stream goes on with `actor` (already set). */
  onAccessChanged(actor: Actor): void;
  /** The credential no longer works: the stream ends. */
  onAccessLost(reason: AccessLost): void;
};

const ACCESS_CHANNEL = "estate_access";
const BATCH = 500;
const POLL_MS = 2_000;
const PRUNE_MS = 60 * 60 * 1000;
const ACCESS_RECHECK_MS = 30_000;

class EventHub {
  private readonly subscribers = new Set<HubSubscriber>();
  private position = 0n;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private listener: Listener | null = null;
  /** Access checks under way: events wait for them. */
  private readonly accessChecks = new Set<Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    this.position = await currentEventPosition();
    this.listener = await startListener([EVENTS_CHANNEL, TYPING_CHANNEL, ACCESS_CHANNEL], {
      onNotify: ({ channel, payload }) => {
        if (channel === EVENTS_CHANNEL) this.pump();
        else if (channel === ACCESS_CHANNEL) this.accessChanged(payload);
        else this.dispatchTyping(payload);
      },
      onReconnect: () => {
        this.recheckAccess([...this.subscribers]);
        this.pump();
      },
    });
    const poll = setInterval(() => this.pump(), POLL_MS);
    const prune = setInterval(() => void pruneOldEvents().catch(() => {}), PRUNE_MS);
    const recheck = setInterval(() => this.recheckAccess([...this.subscribers]), ACCESS_RECHECK_MS);
    for (const timer of [poll, prune, recheck]) timer.unref();
    this.timers.push(poll, prune, recheck);
  }

  subscribe(subscriber: HubSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get streamCount(): number {
    return this.subscribers.size;
  }

  countStreamsOf(userId: number): number {
    let count = 0;
    for (const subscriber of this.subscribers) if (subscriber.actor.userId === userId) count++;
    return count;
  }

  /** Reads and dispatches everything after the last dispatched id; runs one at a time. */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.drain()
      .catch((error) => logEvent("error", { msg: "event hub read failed", error: String(error) }))
      .finally(() => {
        this.pumping = null;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async drain(): Promise<void> {
    await this.ready;
    for (;;) {
      const events = await unsafeReadAllEventsAfter(this.position, BATCH);
      while (this.accessChecks.size) await Promise.all(this.accessChecks);
      for (const event of events) {
        this.position = event.id;
        for (const subscriber of this.subscribers) {
          if (seesEvent(subscriber.actor, event)) subscriber.onEvent(event);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  private accessChanged(payload: string): void {
    const change = parseAccessChange(payload);
    if (!change) return;
    this.recheckAccess([...this.subscribers].filter((s) => concerns(change, s.actor, s.credential)));
  }

  /** Asks again what each subscriber's credential may see, once per credential. */
  private recheckAccess(subscribers: HubSubscriber[]): void {
    const byCredential = new Map<string, HubSubscriber[]>();
    for (const subscriber of subscribers) {
      const key = JSON.stringify(subscriber.credential);
      byCredential.set(key, [...(byCredential.get(key) ?? []), subscriber]);
    }
    for (const group of byCredential.values()) {
      const [first] = group;
      if (!first) continue;
      const check = currentStreamAccess(first.credential)
        .then((access) => {
          for (const subscriber of group) {
            if (!this.subscribers.has(subscriber)) continue;
            if ("lost" in access) subscriber.onAccessLost(access.lost);
            else if (!sameAccess(subscriber.actor, access.actor)) {
              subscriber.actor = access.actor;
              subscriber.onAccessChanged(access.actor);
            } else subscriber.actor = access.actor;
          }
        })
        // The database is away (a restart): keep what the streams had; the next round asks again.
        .catch((error) => logEvent("warn", { msg: "stream access check failed", error: String(error) }))
        .finally(() => this.accessChecks.delete(check));
      this.accessChecks.add(check);
    }
  }

  private dispatchTyping(payload: string): void {
    // Not while someone's access is being checked: a missed "typing" is harmless, a leaked one not.
    if (this.accessChecks.size) return;
    let signal: TypingSignal;
    try {
      signal = JSON.parse(payload) as TypingSignal;
    } catch {
      return;
    }
    for (const subscriber of this.subscribers) {
      if (typingAudience(subscriber.actor, signal)) subscriber.onTyping(signal);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.listener?.close();
  }
}

const holder = globalThis as typeof globalThis & { __estateChatHub?: EventHub };

/** The process's hub, started on first use (never during `next build`). */
export function eventHub(): EventHub {
  holder.__estateChatHub ??= new EventHub();
  return holder.__estateChatHub;
}

export async function closeEventHub(): Promise<void> {
  await holder.__estateChatHub?.close();
  holder.__estateChatHub = undefined;
}

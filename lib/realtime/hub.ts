// The per-process fan-out. Notifications carry only ids; the hub reads the new events once,
// in id order, and hands each to every stream whose actor may see it. A periodic poll and a
// read after every listener reconnect make a lost notification cost latency, never an event.
import type { Actor } from "../auth/actor";
import { seesChat } from "../chats/scope";
import { EVENTS_CHANNEL } from "../events/append-event";
import { logEvent } from "../log";
import { type Listener, startListener } from "./listener";
import {
  currentEventPosition,
  pruneOldEvents,
  type StoredEvent,
  unsafeReadAllEventsAfter,
} from "./stored-events";
import { TYPING_CHANNEL, type TypingSignal, typingAudience } from "./typing-signal";

export type HubSubscriber = {
  actor: Actor;
  onEvent(event: StoredEvent): void;
  onTyping(signal: TypingSignal): void;
};

const BATCH = 500;
const POLL_MS = 2_000;
const PRUNE_MS = 60 * 60 * 1000;

class EventHub {
  private readonly subscribers = new Set<HubSubscriber>();
  private position = 0n;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private listener: Listener | null = null;
  private timers: NodeJS.Timeout[] = [];
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    this.position = await currentEventPosition();
    this.listener = await startListener([EVENTS_CHANNEL, TYPING_CHANNEL], {
      onNotify: ({ channel, payload }) => {
        if (channel === EVENTS_CHANNEL) this.pump();
        else this.dispatchTyping(payload);
      },
      onReconnect: () => this.pump(),
    });
    const poll = setInterval(() => this.pump(), POLL_MS);
    const prune = setInterval(() => void pruneOldEvents().catch(() => {}), PRUNE_MS);
    for (const timer of [poll, prune]) timer.unref();
    this.timers.push(poll, prune);
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
      for (const event of events) {
        this.position = event.id;
        for (const subscriber of this.subscribers) {
          if (seesChat(subscriber.actor, event)) subscriber.onEvent(event);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  private dispatchTyping(payload: string): void {
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

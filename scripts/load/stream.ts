// One simulated user's event stream (GET /api/v1/events), kept open for the whole run as a
// browser's EventSource would: when it drops, it is reopened with Last-Event-ID, so the server
// owes it every event it missed. It keeps only what the check needs: for each message id seen in
// a message.created event, how many times it arrived and when it first did.
import type { Metrics } from "./metrics";

export type Delivery = { count: number; firstAt: number };

export class ResumingStream {
  readonly deliveries = new Map<number, Delivery>();
  lastEventId: string | undefined;
  /** Times the stream was reopened after the first open (dropped by either side, or refused). */
  reconnects = 0;
  /** `resync` answers: the server could not resume from our id, so events may be missing. */
  resyncs = 0;
  /** Event ids that were not above the one before: a repeat or a reordering, never expected. */
  outOfOrder = 0;
  private controller: AbortController | undefined;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private readyOnce: Promise<void>;
  private markReady: () => void = () => {};

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly metrics: Metrics,
  ) {
    this.readyOnce = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  /** Starts the stream; resolves once the server has said `ready` the first time. */
  start(): Promise<void> {
    this.running = this.loop();
    return this.readyOnce;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller?.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    let first = true;
    while (!this.stopped) {
      if (!first) {
        this.reconnects++;
        // A short, jittered pause, as EventSource's retry does: 200 streams must not reconnect
        // in the same millisecond.
        await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 750));
        if (this.stopped) return;
      }
      first = false;
      await this.once().catch(() => {});
    }
  }

  /** One connection, until it ends. */
  private async once(): Promise<void> {
    this.controller = new AbortController();
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: "text/event-stream",
    };
    if (this.lastEventId !== undefined) headers["last-event-id"] = this.lastEventId;
    const startedAt = performance.now();
    let response: Response;
    try {
      response = await fetch(new URL("/api/v1/events", this.baseUrl), {
        headers,
        signal: this.controller.signal,
      });
    } catch (error) {
      if (!this.stopped) this.metrics.networkError("stream-open");
      throw error;
    }
    this.metrics.record("stream-open", response.status, performance.now() - startedAt);
    if (!response.ok || !response.body) {
      this.metrics.noteUnexpected("stream-open", response.status);
      await response.text().catch(() => "");
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf("\n\n");
      while (end !== -1) {
        this.onFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  private onFrame(block: string): void {
    let id: string | undefined;
    let event = "message";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue; // heartbeat
      const at = line.indexOf(":");
      if (at === -1) continue;
      const value = line.slice(at + 1).replace(/^ /, "");
      const field = line.slice(0, at);
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data = value;
    }
    if (id !== undefined) {
      if (this.lastEventId !== undefined && event !== "ready" && event !== "resync") {
        if (BigInt(id) <= BigInt(this.lastEventId)) this.outOfOrder++;
      }
      this.lastEventId = id;
    }
    if (event === "ready") this.markReady();
    if (event === "resync") {
      this.resyncs++;
      this.markReady();
    }
    if (event !== "message.created") return;
    const messageId = Number((JSON.parse(data) as { message: { id: number } }).message.id);
    const seen = this.deliveries.get(messageId);
    if (seen) seen.count++;
    else this.deliveries.set(messageId, { count: 1, firstAt: performance.now() });
  }
}

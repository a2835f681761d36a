// A minimal Server-Sent Events client over fetch, for tests: parses frames, remembers the
// last id, and can be closed and reopened with Last-Event-ID as a browser's EventSource does.
import { baseUrl } from "./http";

export type SseEvent = { id?: string; event: string; data: any };

/** A bearer token or API key, or a browser's Cookie header. */
export type SseCredential = string | { cookie: string };

export class SseClient {
  readonly events: SseEvent[] = [];
  lastEventId: string | undefined;
  status = 0;
  /** Set when the server ended the stream (not when this client closed it). */
  ended = false;
  private controller: AbortController | undefined;
  private done: Promise<void> = Promise.resolve();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly credential: SseCredential,
    private readonly path = "/api/v1/events",
    private readonly origin = baseUrl(),
  ) {}

  /** Opens the stream; resolves once the response headers have arrived. */
  async open(lastEventId = this.lastEventId): Promise<void> {
    this.controller = new AbortController();
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (typeof this.credential === "string") headers.authorization = `Bearer ${this.credential}`;
    else headers.cookie = this.credential.cookie;
    if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
    const response = await fetch(new URL(this.path, this.origin), {
      headers,
      signal: this.controller.signal,
    });
    this.status = response.status;
    this.ended = false;
    if (!response.ok || !response.body) {
      await response.text().catch(() => "");
      return;
    }
    this.done = this.read(response.body).catch(() => {});
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        this.ended = true;
        for (const wake of this.waiters.splice(0)) wake();
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end !== -1) {
        this.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":") || !line.includes(":")) continue;
      const at = line.indexOf(":");
      fields[line.slice(0, at)] = line.slice(at + 1).replace(/^ /, "");
    }
    if (fields.id !== undefined) this.lastEventId = fields.id;
    if (fields.event === undefined && fields.data === undefined) return;
    this.events.push({
      id: fields.id,
      event: fields.event ?? "message",
      data: JSON.parse(fields.data ?? "null"),
    });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `predicate` holds over the received events (or fails after `ms`). */
  async waitFor(predicate: (events: SseEvent[]) => boolean, ms = 5000, what = "events"): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}; got ${JSON.stringify(this.events.map((e) => e.event))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.controller?.abort();
    await this.done;
  }

  of(type: string): SseEvent[] {
    return this.events.filter((event) => event.event === type);
  }
}

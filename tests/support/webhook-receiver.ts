// A webhook receiver on loopback for tests: records every POST with its Standard Webhooks
// headers, answers with a chosen status, can hang, and can go down and come back on its port.
// Signatures are checked with the Standard Webhooks reference library, as a customer would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: any;
  receivedAt: number;
};

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** The status to answer with; a function decides per request. */
  respond: number | ((hook: ReceivedWebhook) => number | "hang") = 204;
  private server: http.Server | undefined;
  private waiters: (() => void)[] = [];
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Listens (again) on its port; the first time on a free one, or on `port` if given. */
  async start(port = this.port): Promise<this> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const hook: ReceivedWebhook = {
          id: String(request.headers["webhook-id"] ?? ""),
          timestamp: String(request.headers["webhook-timestamp"] ?? ""),
          signature: String(request.headers["webhook-signature"] ?? ""),
          body,
          json: safeJson(body),
          receivedAt: Date.now(),
        };
        this.received.push(hook);
        for (const wake of this.waiters.splice(0)) wake();
        const status = typeof this.respond === "function" ? this.respond(hook) : this.respond;
        if (status === "hang") return; // never answers: the sender times out or dies first
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Goes down: connections are refused until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Whether the reference library accepts this delivery (signature, and timestamp within 5 minutes). */
  verified(secret: string, hook: ReceivedWebhook): boolean {
    const headers = {
      "webhook-id": hook.id,
      "webhook-timestamp": hook.timestamp,
      "webhook-signature": hook.signature,
    };
    try {
      new Webhook(secret).verify(hook.body, headers);
      return true;
    } catch (error) {
      if (error instanceof WebhookVerificationError) return false;
      throw error;
    }
  }

  withId(id: string): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.id === id);
  }

  /**
   * Resolves once `done()` holds; rejects with `what` after `timeoutMs`. The bound is only how
   * long to wait before calling it lost: retries on a loaded two-core machine (a CI run with
   * every lane busy) took over 15 s, so it is generous; a passing wait returns at once.
   */
  async waitFor(done: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (received ${this.received.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

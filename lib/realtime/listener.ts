// One LISTEN connection per process. PostgreSQL: a dedicated client outside the pool, which
// reconnects by itself (with backoff) after the server restarts and then reports `onReconnect`,
// so the hub catches up on anything committed meanwhile. Embedded: PGlite's in-process listen.
import "server-only";
import pg from "pg";
import { database } from "../db/client";
import { env } from "../env";
import { logEvent } from "../log";

export type Notification = { channel: string; payload: string };
export type ListenerHandlers = { onNotify(n: Notification): void; onReconnect(): void };

export type Listener = { close(): Promise<void> };

export async function startListener(channels: string[], handlers: ListenerHandlers): Promise<Listener> {
  const { pglite } = database();
  if (pglite) {
    const unsubscribes = await Promise.all(
      channels.map((channel) => pglite.listen(channel, (payload) => handlers.onNotify({ channel, payload }))),
    );
    return { close: async () => void (await Promise.all(unsubscribes.map((stop) => stop()))) };
  }
  return startPostgresListener(channels, handlers);
}

function startPostgresListener(channels: string[], handlers: ListenerHandlers): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true });
    next.on("notification", (message) => {
      handlers.onNotify({ channel: message.channel, payload: message.payload ?? "" });
    });
    next.on("error", () => scheduleReconnect(next));
    next.on("end", () => scheduleReconnect(next));
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN "${channel}"`);
    } catch {
      scheduleReconnect(next);
      return;
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    if (attempt > 0) {
      logEvent("info", { msg: "event listener reconnected", attempts: attempt });
      handlers.onReconnect();
    }
    attempt = 0;
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (closed || (client && client !== failed) || retry) return;
    client = undefined;
    failed.end().catch(() => {});
    attempt += 1;
    // Once per outage, not once per retry: live events pause until it is back.
    if (attempt === 1) logEvent("warn", { msg: "event listener lost its connection, reconnecting" });
    const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

// The webhook sender: one per server process, started from instrumentation.ts. It claims due
// deliveries (lib/webhooks/claim-deliveries.ts), sends them outside any transaction, and records
// each result. Several instances may run it against one database: claims never overlap, and a
// sender that dies mid-send leaves a lease that expires, after which another (or the restarted
// process) sends the same delivery again with the same webhook-id.
import "server-only";
import { env } from "../env";
import { logEvent } from "../log";
import { type ClaimedDelivery, claimDueDeliveries } from "./claim-deliveries";
import { type AttemptOutcome, postWebhook } from "./post-webhook";
import { pruneFinishedDeliveries } from "./prune-deliveries";
import { recordAttempt } from "./record-attempt";
import { decryptWebhookSecret } from "./secret-box";
import { webhookHeaders } from "./sign";

const BATCH = 20;
const PRUNE_MS = 60 * 60 * 1000;

export type BatchOptions = {
  limit?: number;
  /** Defaults to WEBHOOK_ALLOW_PRIVATE_URLS; tests of the refusal and of loopback sending differ. */
  allowPrivateUrls?: boolean;
};

async function attempt(claimed: ClaimedDelivery, allowPrivate: boolean): Promise<AttemptOutcome> {
  let secret: string;
  try {
    secret = decryptWebhookSecret(claimed.secretEncrypted);
  } catch {
    return {
      statusCode: null,
      latencyMs: 0,
      error: "the endpoint secret cannot be read (was AUTH_SECRET changed?)",
    };
  }
  return postWebhook(claimed.url, webhookHeaders(secret, claimed.webhookId, claimed.body), claimed.body, {
    timeoutMs: env.WEBHOOK_TIMEOUT,
    allowPrivate,
  });
}

/** Claims and sends one batch; returns how many it claimed. */
export async function runWebhookBatch(options: BatchOptions = {}): Promise<number> {
  const allowPrivate = options.allowPrivateUrls ?? env.webhookAllowPrivateUrls;
  const claimed = await claimDueDeliveries(options.limit ?? BATCH, env.WEBHOOK_LEASE);
  await Promise.all(
    claimed.map(async (delivery) => {
      try {
        await recordAttempt(delivery, await attempt(delivery, allowPrivate));
      } catch (error) {
        logFailure(error); // its lease runs out and the delivery is tried again
      }
    }),
  );
  return claimed.length;
}

function logFailure(error: unknown): void {
  logEvent("error", { msg: "webhook worker step failed", error: String(error) });
}

type Worker = { stop(): Promise<void> };
const holder = globalThis as typeof globalThis & { __estateChatWebhookWorker?: Worker };

/** Starts the loop once per process (Next.js may load this module more than once). */
export function startWebhookWorker(): Worker {
  if (holder.__estateChatWebhookWorker) return holder.__estateChatWebhookWorker;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    let claimed = 0;
    try {
      claimed = await runWebhookBatch();
    } catch (error) {
      logFailure(error); // the database is down, say: try again at the next tick
    }
    if (stopped) return;
    // A full batch means more are probably due: go again at once.
    timer = setTimeout(tick, claimed === BATCH ? 0 : env.WEBHOOK_POLL_INTERVAL);
    timer.unref();
  };
  const tick = () => {
    running = loop();
  };
  timer = setTimeout(tick, env.WEBHOOK_POLL_INTERVAL);
  timer.unref();
  const prune = setInterval(() => void pruneFinishedDeliveries().catch(logFailure), PRUNE_MS);
  prune.unref();
  const worker: Worker = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(prune);
      await running;
      holder.__estateChatWebhookWorker = undefined;
    },
  };
  holder.__estateChatWebhookWorker = worker;
  return worker;
}

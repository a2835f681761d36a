import "server-only";
import { env } from "../env";
import { logEvent } from "../log";
import { startWebhookWorker } from "./worker";

/** The server's entry: WEBHOOK_WORKER=false keeps an instance from sending (others still do). */
export function startWebhookWorkerIfEnabled(): void {
  if (!env.webhookWorker) return;
  startWebhookWorker();
  logEvent("info", { msg: "webhook worker started" });
}

import { env } from "../env";
import { startWebhookWorker } from "./worker";

/** The server's entry: WEBHOOK_WORKER=false keeps an instance from sending (others still do). */
export function startWebhookWorkerIfEnabled(): void {
  if (!env.webhookWorker) return;
  startWebhookWorker();
  console.log(JSON.stringify({ level: "info", msg: "webhook worker started" }));
}

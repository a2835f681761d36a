// Runs once when a Next.js server process starts. NEXT_RUNTIME is set by Next.js itself (not
// configuration, which lib/env.ts reads); checking it inline lets the edge build drop the
// Node-only import.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWebhookWorkerIfEnabled } = await import("./lib/webhooks/start-worker");
    startWebhookWorkerIfEnabled();
  }
}

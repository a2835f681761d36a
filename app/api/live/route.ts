// Liveness: the process is up and serving, nothing else is checked (no database, no wrapper).
// Orchestrators restart on its failure; /api/health is the readiness check that includes the
// database. It is also the benchmark's framework ceiling: a handler that answers a constant.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response('{"status":"ok"}', {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

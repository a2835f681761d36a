// The one summary a load run prints, and its verdict: zero 5xx, zero lost, zero duplicated.
import { type Kind, type Metrics, percentile } from "./metrics";
import type { ResumingStream } from "./stream";
import type { UserRun } from "./user";

type Outcome = {
  metrics: Metrics;
  loadSeconds: number;
  run: UserRun;
  streams: ResumingStream[];
  onStreams: { lost: number; duplicated: number; latencies: number[] };
  inDatabase: { lost: number; duplicated: number };
  drained: boolean;
};

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "–");
const sum = (streams: ResumingStream[], field: "reconnects" | "resyncs" | "outOfOrder") =>
  streams.reduce((total, stream) => total + stream[field], 0);

/** Prints the summary; true when the run met the goals. */
export function printSummary(outcome: Outcome): boolean {
  const { metrics, run, onStreams, inDatabase, streams } = outcome;
  const serverErrors = metrics.total("serverErrors");
  const duplicated = onStreams.duplicated + inDatabase.duplicated;
  console.log("\n=== load summary ===");
  console.log(`load phase: ${outcome.loadSeconds.toFixed(0)} s`);
  console.log(
    `requests: ${metrics.total("requests")} (${(metrics.total("requests", ["setup+check"]) / outcome.loadSeconds).toFixed(1)}/s during the load), ` +
      `5xx: ${serverErrors}, network errors: ${metrics.total("networkErrors")}`,
  );
  const kinds: Kind[] = ["send", "mark-read", "inbox", "stream-open", "setup+check"];
  for (const kind of kinds) {
    const tally = metrics.byKind.get(kind);
    if (!tally) continue;
    console.log(
      `  ${kind.padEnd(12)} ${String(tally.requests).padStart(7)} requests   p50 ${ms(percentile(tally.latencies, 50)).padStart(10)}   p99 ${ms(percentile(tally.latencies, 99)).padStart(10)}   5xx ${tally.serverErrors}`,
    );
  }
  if (metrics.unexpected.size > 0)
    console.log(`unexpected answers: ${[...metrics.unexpected].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  console.log(
    `messages acknowledged: ${run.acknowledged.length} (${(run.acknowledged.length / outcome.loadSeconds).toFixed(1)}/s); ` +
      `given up unacknowledged: ${run.unacknowledged}`,
  );
  console.log(
    `delivery (send → stream): ${onStreams.latencies.length} deliveries, p50 ${ms(percentile(onStreams.latencies, 50))}, p99 ${ms(percentile(onStreams.latencies, 99))}`,
  );
  console.log(
    `streams: ${streams.length}, reconnects ${sum(streams, "reconnects")}, resyncs ${sum(streams, "resyncs")}, ` +
      `out-of-order ids ${sum(streams, "outOfOrder")}${outcome.drained ? "" : " (not drained in time)"}`,
  );
  console.log(`lost (database): ${inDatabase.lost}`);
  console.log(`lost (streams): ${onStreams.lost}`);
  console.log(
    `duplicated: ${duplicated} (database ${inDatabase.duplicated}, streams ${onStreams.duplicated})`,
  );
  const ok =
    serverErrors === 0 &&
    inDatabase.lost === 0 &&
    onStreams.lost === 0 &&
    duplicated === 0 &&
    sum(streams, "outOfOrder") === 0 &&
    run.acknowledged.length > 0;
  console.log(`verdict: ${ok ? "PASS" : "FAIL"} (goal: 0 5xx, 0 lost, 0 duplicated)`);
  return ok;
}

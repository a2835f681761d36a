// `npm run bench`: throughput, latency and flat cost as data grows. Figures, never assertions.
//   npm run bench                  small set, then the full set (1,000 companies, 100,000 buyers,
//                                  200,000 chats, 2,000,000 messages); about 12 minutes
//   npm run bench -- --sets=small  one set only (small | full | a scale such as 0.1)
//   npm run bench -- --seconds=5 --connections=20 --only=inbox,send   # parts of scenario names
//   npm run bench -- --sets=small --only=inbox --cpu-prof=/tmp/prof   CPU profile of the server
//                                  (summarise with scripts/bench/profile-summary.ts)
// Each set runs in its own process (scripts/bench/run-set.ts) on a throw-away PostgreSQL database
// (TEST_POSTGRES_URL, default the local server). See docs/BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIsStale } from "../build-freshness";
import type { Figures } from "./measure";
import type { SetResult } from "./run-set";

const { values } = parseArgs({
  options: {
    sets: { type: "string", default: "small,full" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const SCALES: Record<string, number> = { small: 0.01, full: 1 };
const scratch = mkdtempSync(path.join(tmpdir(), "estate-bench-"));

if (buildIsStale()) {
  execFileSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

const results: SetResult[] = [];
for (const set of values.sets.split(",")) {
  const scale = SCALES[set] ?? Number(set);
  const out = path.join(scratch, `${set}.json`);
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench/run-set.ts",
      `--scale=${scale}`,
      `--seconds=${values.seconds}`,
      `--connections=${values.connections}`,
      `--out=${out}`,
      ...(values.only ? [`--only=${values.only}`] : []),
      ...(values["cpu-prof"] ? [`--cpu-prof=${path.join(values["cpu-prof"], set)}`] : []),
    ],
    { stdio: "inherit" },
  );
  results.push(JSON.parse(readFileSync(out, "utf8")) as SetResult);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

console.log(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${fmt(totalmem() / 2 ** 30, 1)} GiB`,
);
console.log(`Load: ${values.connections} connections, ${values.seconds} s per measurement\n`);
for (const set of results) {
  console.log(
    `### Scale ${set.scale}: ${Object.entries(set.counts)
      .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
      .join(", ")} (generated in ${fmt(set.generateSeconds, 1)} s)\n`,
  );
  const framework: Figures = set.framework;
  console.log(
    row([
      "endpoint",
      "req/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "% of framework",
      "DB ceiling req/s",
      "queries",
      "seq scans",
    ]),
  );
  console.log(row(Array(9).fill("---")));
  console.log(
    row([
      "framework ceiling (GET /api/live)",
      fmt(framework.rps),
      fmt(framework.p50, 1),
      fmt(framework.p99, 1),
      String(framework.errors),
      "100",
      "",
      "0",
      "",
    ]),
  );
  for (const scenario of set.scenarios) {
    console.log(
      row([
        scenario.name,
        fmt(scenario.http.rps),
        fmt(scenario.http.p50, 1),
        fmt(scenario.http.p99, 1),
        String(scenario.http.errors),
        fmt((100 * scenario.http.rps) / framework.rps),
        // A write keyed by a unique id (a lead's message) cannot be replayed as recorded: every
        // replay after the first is a unique violation, so there is no ceiling to show.
        scenario.database.rps === 0 && scenario.database.errors > 0
          ? "not replayable"
          : fmt(scenario.database.rps),
        String(scenario.queriesPerRequest),
        scenario.seqScans.join(", ") || "none",
      ]),
    );
  }
  if (set.bulkUpsert) {
    console.log(
      `\nBulk upsert of 500 listings (PUT /api/v1/company/listings, median of 5): ` +
        `${fmt(set.bulkUpsert.createMs)} ms new, ${fmt(set.bulkUpsert.updateMs)} ms updated`,
    );
  }
  console.log("");
}

// Latency goals for one client alone (one connection: no queueing behind other clients).
for (const set of results) {
  const goals = set.scenarios.filter((scenario) => scenario.alone);
  if (goals.length === 0) continue;
  console.log(`### One client alone, scale ${set.scale}\n`);
  console.log(row(["endpoint", "p50 ms", "p99 ms", "goal p99 ms", "met"]));
  console.log(row(Array(5).fill("---")));
  for (const scenario of goals) {
    const alone = scenario.alone as NonNullable<typeof scenario.alone>;
    console.log(
      row([
        scenario.name,
        fmt(alone.p50, 1),
        fmt(alone.p99, 1),
        `< ${alone.goalMs}`,
        alone.p99 < alone.goalMs ? "yes" : "no",
      ]),
    );
  }
  console.log("");
}

// Flat cost: the same endpoint's p99 on the largest set against the smallest.
if (results.length >= 2) {
  const small = results[0] as SetResult;
  const full = results.at(-1) as SetResult;
  console.log(`### p99 growth: scale ${full.scale} against scale ${small.scale} (goal ≤ 1.3×)\n`);
  console.log(row(["endpoint", `p99 ms (${small.scale})`, `p99 ms (${full.scale})`, "ratio"]));
  console.log(row(Array(4).fill("---")));
  for (const scenario of full.scenarios) {
    const before = small.scenarios.find((s) => s.name === scenario.name);
    if (!before) continue;
    console.log(
      row([
        scenario.name,
        fmt(before.http.p99, 1),
        fmt(scenario.http.p99, 1),
        `${fmt(scenario.http.p99 / before.http.p99, 2)}×`,
      ]),
    );
  }
}

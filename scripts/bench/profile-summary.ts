// `npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile [top] [skip-seconds]`: where a V8 CPU
// profile spent
// its time (after skipping the first seconds: start-up loads modules). Prints self-time shares by area (Prisma, zod, Next, the app, Node internals, idle or
// GC) and the top functions by self time, so a change shows as a shift in shares within one run
// rather than as an absolute figure on a shared, noisy machine.
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile-summary.ts FILE.cpuprofile [top]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

// Inclusive shares: busy time with a frame of this kind anywhere on the stack (they overlap).
const INCLUSIVE: Record<string, (frame: CallFrame) => boolean> = {
  "JWT (jose + WebCrypto)": (f) => f.url.includes("jose") || f.url.includes("internal/crypto/webcrypto"),
  "Prisma client (incl. driver)": (f) => f.url.includes("@prisma/"),
  "zod parse": (f) => f.functionName.includes("_zod"),
  "sha256 (ETag and others)": (f) => f.functionName === "createHash" || f.functionName === "digest",
};
const inclusive = new Map<string, number>();

// Self time per node, from the sample timeline (more exact than hitCount × interval).
const selfMicros = new Map<number, number>();
const skipMicros = Number(skipArg ?? 0) * 1e6;
let elapsed = 0;
profile.samples.forEach((id, index) => {
  elapsed += profile.timeDeltas[index] ?? 0;
  if (elapsed < skipMicros) return;
  const micros = profile.timeDeltas[index + 1] ?? 0;
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + micros);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    for (const [label, matches] of Object.entries(INCLUSIVE)) {
      if (!seen.has(label) && matches(frame)) seen.add(label);
    }
  }
  for (const label of seen) inclusive.set(label, (inclusive.get(label) ?? 0) + micros);
});

function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(idle)") return "idle";
    if (functionName === "(garbage collector)") return "gc";
    if (functionName === "(program)") return "program (native)";
    return "native";
  }
  if (url.includes("@prisma/client") || url.includes("query_compiler") || url.includes("/generated/prisma")) {
    return "prisma client";
  }
  if (url.includes("@prisma/adapter-pg") || url.includes("/pg/") || url.includes("pg-protocol"))
    return "pg driver";
  if (url.includes("/zod/")) return "zod";
  if (url.includes("jose")) return "jose (JWT)";
  if (url.includes("next/dist")) return "next";
  if (url.includes("react")) return "react";
  if (url.startsWith("node:")) return "node internals";
  if (url.includes(".next/server")) return "app (bundled)";
  return "other";
}

const areas = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  if (!node) continue;
  total += micros;
  const area = areaOf(node.callFrame);
  areas.set(area, (areas.get(area) ?? 0) + micros);
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
}

const busy = total - (areas.get("idle") ?? 0);
const pct = (micros: number, of: number) => `${((100 * micros) / of).toFixed(1)}%`.padStart(6);
console.log(`${(total / 1e6).toFixed(1)} s profiled, ${pct(busy, total)} busy; shares of busy time:`);
for (const [area, micros] of [...areas].sort((a, b) => b[1] - a[1])) {
  if (area !== "idle") console.log(`  ${pct(micros, busy)}  ${area}`);
}
console.log("inclusive shares of busy time (overlapping):");
for (const [label, micros] of inclusive) console.log(`  ${pct(micros, busy)}  ${label}`);
console.log(`top functions by self time (share of busy time):`);
for (const [key, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) {
  if (!key.startsWith("(idle)")) console.log(`  ${pct(micros, busy)}  ${key}`);
}

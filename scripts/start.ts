// `npm start`: prepare the database, build if the sources changed, then run `next start`.
// `npm run dev` (this script with `dev`): prepare the database, then `next dev`.
// Each step is a child process run in turn, never side by side: PGlite allows one process
// per data directory, so prepare-db must have closed it before the server opens it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const BUILD_ID = path.join(".next", "BUILD_ID");
// What a production build depends on; a change to any of these calls for a new build.
const SOURCES = [
  "app",
  "lib",
  "components",
  "public",
  "auth.ts",
  "instrumentation.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "package.json",
];

// Passed through, plus one addition: the children inherit the operator's environment.
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let current: ChildProcess | undefined;
let stopping = false;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    current?.kill(signal);
  });
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    current = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
    current.on("error", reject);
    current.on("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? (signal === "SIGINT" ? 130 : 143));
    });
  });
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's time
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const configs = readdirSync(".").filter((name) => name.startsWith("next.config."));
  const built = statSync(BUILD_ID).mtimeMs;
  return [...SOURCES, ...configs].some((entry) => newestChange(entry) > built);
}

async function main(): Promise<number> {
  const prepared = await run(["--import", "tsx", path.join("scripts", "prepare-db.ts")]);
  if (prepared !== 0 || stopping) return prepared;
  if (mode === "dev") return run([NEXT_BIN, "dev", "-p", String(env.PORT)]);
  if (buildIsStale()) {
    console.log("[start] sources changed since the last build: running next build");
    const built = await run([NEXT_BIN, "build"]);
    if (built !== 0 || stopping) return built;
  }
  return run([NEXT_BIN, "start", "-p", String(env.PORT)]);
}

process.exit(await main());

// `npm start`: prepare the database, build if the sources changed, then run `next start`.
// `npm run dev` (this script with `dev`): prepare the database, then `next dev`.
// Each step is a child process run in turn, never side by side: PGlite allows one process
// per data directory, so prepare-db must have closed it before the server opens it.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { env } from "../lib/env";
import { buildIsStale } from "./build-freshness";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
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

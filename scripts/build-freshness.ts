// Whether the production build in .next is older than the sources it was built from: `npm start`
// and the benchmarks rebuild only then. Paths are relative to the working directory (the root).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

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

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's time
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const configs = readdirSync(".").filter((name) => name.startsWith("next.config."));
  const built = statSync(BUILD_ID).mtimeMs;
  return [...SOURCES, ...configs].some((entry) => newestChange(entry) > built);
}

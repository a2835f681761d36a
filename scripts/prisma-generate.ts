// `prisma generate` offline: the CLI insists that a native schema engine file exists but never
// runs it for generation, so point it at any existing file when the real one was not downloaded.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = require.resolve("prisma/package.json");
  if (existsSync(placeholder)) env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const prismaCli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });

// Starts `next start` for HTTP tests on a free port with its own database, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export type RunningServer = {
  baseUrl: string;
  process: ChildProcess;
  /** What the server wrote to stdout so far, when started with `captureStdout`. */
  stdout(): string;
  /** What the server wrote to stderr so far, when started with `captureStderr`. */
  stderr(): string;
  stop(): Promise<void>;
};

/** Prepares the database (migrations, admin account) and serves the built app. */
export async function startServer(
  extraEnv: Record<string, string>,
  options: { captureStdout?: boolean; captureStderr?: boolean; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Test webhook receivers listen on loopback, and tests cannot wait hours between retries.
    // A test may override these (the restart test does).
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_DELAYS: "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
    WEBHOOK_POLL_INTERVAL: "200ms",
    WEBHOOK_LEASE: "5s",
    WEBHOOK_TIMEOUT: "2s",
    // The suites sign in hundreds of users from 127.0.0.1 within a minute, and try wrong
    // passwords and tokens on purpose: generous limits keep the limiters in the path without
    // refusing them. tests/http/rate-limit.test.ts starts its own servers with tight ones.
    RATE_LIMIT_API: "1000000",
    RATE_LIMIT_AUTH: "1000000",
    RATE_LIMIT_SIGNIN_LOCK_AFTER: "1000000",
    RATE_LIMIT_SIGNIN_IP_FAILURES: "1000000",
    // A line per request would bury the test report; tests/http/request-log.test.ts turns it on.
    LOG_REQUESTS: "false",
    ...extraEnv,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  copyPgliteTemplate(extraEnv);
  await prepareDatabase(env);
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env,
      stdio: [
        "ignore",
        options.captureStdout ? "pipe" : "inherit",
        options.captureStderr ? "pipe" : "inherit",
      ],
    },
  );
  let captured = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    captured += chunk;
  });
  let capturedErrors = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    capturedErrors += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("next start did not become healthy within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    process: child,
    stdout: () => captured,
    stderr: () => capturedErrors,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/**
 * Within `npm test`, TEST_PGLITE_TEMPLATE is an embedded database the runner migrated once: a
 * server on a new data directory starts from a copy of it. prepare-db still runs (admin account,
 * secret, the check that nothing is pending); it just finds the migrations applied.
 */
function copyPgliteTemplate(extraEnv: Record<string, string>): void {
  const template = process.env.TEST_PGLITE_TEMPLATE;
  if (!template || extraEnv.DATABASE_URL || !extraEnv.DATA_DIR) return;
  const target = extraEnv.PGLITE_DIR ?? path.join(extraEnv.DATA_DIR, "pglite");
  if (target.startsWith("memory:") || existsSync(target)) return;
  cpSync(template, target, { recursive: true });
}

/** scripts/prepare-db.ts in a process of its own, never beside the server (PGlite: one process). */
function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prepare-db exited with ${code}`)),
    );
  });
}

// Runs node:test files, each in a process of its own (`node --import tsx <file>`), at most
// `concurrency` at a time, and times each one: the summary at the end of `npm test` names the
// slowest files. Every file's whole output goes to test-results/node/<stage>/; the console gets
// one line per file, and a failing file's output in full.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./paths";
import { type FileTiming, recordFile, type StageResult } from "./report";

export type FileEnv = { env: Record<string, string>; release?: () => Promise<void> };

export type RunFilesOptions = {
  stage: string;
  files: string[];
  env?: Record<string, string>;
  /** Files run at once. */
  concurrency?: number;
  /** A database (or anything) of the file's own, made before it starts and released after. */
  perFile?: (file: string) => Promise<FileEnv>;
  /** A file still running after this long is killed and counted as failed. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export async function runTestFiles(options: RunFilesOptions): Promise<StageResult> {
  const { stage, files, concurrency = 1 } = options;
  const logDir = path.join(root, "test-results", "node", stage.replace(/\W+/g, "-"));
  mkdirSync(logDir, { recursive: true });
  const result: StageResult = { stage, passed: 0, failed: 0, files: [] };
  // Biggest first (size stands in for duration): a lane should not end with one long file
  // running alone while the others have finished.
  const queue = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const timing = await runOne(file, logDir, options);
      result.passed += timing.passed;
      result.failed += timing.failed;
      result.files.push(timing);
      recordFile(stage, timing);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return result;
}

async function runOne(file: string, logDir: string, options: RunFilesOptions): Promise<FileTiming> {
  const name = path.relative(root, file);
  const base = path.join(logDir, name.replace(/[\\/]/g, "__"));
  const tap = `${base}.tap`;
  writeFileSync(tap, "");
  const started = Date.now();
  let own: FileEnv = { env: {} };
  let output = "";
  let exitCode: number | null = null;
  try {
    own = options.perFile ? await options.perFile(file) : own;
    ({ output, exitCode } = await runProcess(file, tap, {
      env: { ...process.env, ...options.env, ...own.env },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    }));
  } catch (error) {
    output += `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  } finally {
    await own.release?.().catch((error) => {
      output += `\nreleasing the file's resources failed: ${String(error)}\n`;
    });
  }
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(`${base}.log`, output);
  const report = readFileSync(tap, "utf8");
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(report)?.[1] ?? 0);
  const passed = count("pass");
  // A crash, a hang or an error outside any test leaves no failure in the report: count one.
  const reported = count("fail") + count("cancelled");
  const failed = reported || (exitCode === 0 && report ? 0 : 1);
  const mark = failed ? "✖" : "✔";
  console.log(
    `[${options.stage}] ${mark} ${name}: ${passed} passed, ${failed} failed (${seconds.toFixed(1)} s)`,
  );
  if (failed) console.log(`----- output of ${name} -----\n${output}\n----- end of ${name} -----`);
  return { file: name, seconds, passed, failed };
}

function runProcess(
  file: string,
  tap: string,
  options: { env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ output: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        `--test-reporter-destination=${tap}`,
        file,
      ],
      // Its own process group, so a timeout also stops the servers the file started.
      { cwd: root, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      output += `\nKilled after ${options.timeoutMs / 1000} s: the file did not finish.\n`;
      killGroup(child.pid);
    }, options.timeoutMs);
    let settled = false;
    const settle = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ output, exitCode: code });
    };
    child.on("error", reject);
    // "close" waits for every holder of the pipes; a server the file left behind holds them
    // too, so after "exit" its output gets a moment, then the file is done (and the group
    // is stopped: nothing a test started may outlive it).
    child.on("close", (code) => settle(code));
    child.on("exit", (code) => {
      setTimeout(() => {
        killGroup(child.pid);
        settle(code);
      }, 2_000).unref();
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

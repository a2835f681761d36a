// One command of the suite (the build, Playwright, the load run) in the background, its output
// kept and returned, so lanes running side by side do not interleave their logs.
import { spawn } from "node:child_process";
import { root } from "./paths";

export type CommandResult = { ok: boolean; output: string };

export function runCommand(
  command: string,
  args: string[],
  options: { env?: Record<string, string> } = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

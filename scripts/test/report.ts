// What `npm test` counts and times: passes and failures per stage, how long each stage and each
// test file took, and notes for what did not run. Printed at the end, so the next slow file is
// visible in every CI log.

export type FileTiming = { file: string; seconds: number; passed: number; failed: number };
export type StageResult = { stage: string; passed: number; failed: number; files: FileTiming[] };

type StageTiming = { stage: string; startedAt: number; seconds: number; passed: number; failed: number };

const startedAt = Date.now();
const stages: StageTiming[] = [];
const files: (FileTiming & { stage: string })[] = [];
const notes: string[] = [];
export const totals = { passed: 0, failed: 0 };

export function recordFile(stage: string, timing: FileTiming): void {
  files.push({ stage, ...timing });
}

/** Runs one stage, timing it and adding its counts to the totals. */
export async function stage(
  name: string,
  run: () => Promise<{ passed: number; failed: number }>,
): Promise<void> {
  const begin = Date.now();
  console.log(`\n=== ${name}: started at +${elapsed(begin)} ===`);
  let counts = { passed: 0, failed: 1 };
  try {
    counts = await run();
  } catch (error) {
    console.error(`[${name}] crashed:`, error);
  }
  const seconds = (Date.now() - begin) / 1000;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  stages.push({ stage: name, startedAt: begin, seconds, ...counts });
  console.log(`--- ${name}: ${counts.passed} passed, ${counts.failed} failed in ${seconds.toFixed(0)} s`);
}

export function note(text: string): void {
  notes.push(text);
}

const elapsed = (at: number) => `${((at - startedAt) / 1000).toFixed(0)} s`;
const pad = (text: string, width: number) => text.padEnd(width);

export function printSummary(): void {
  console.log("\n=== timings ===");
  console.log("stages, in the order they started (overlapping stages ran side by side):");
  console.log(`  ${pad("start", 8)} ${pad("took", 8)} stage`);
  for (const s of [...stages].sort((a, b) => a.startedAt - b.startedAt)) {
    const took = `${s.seconds.toFixed(0)} s`;
    console.log(
      `  ${pad(`+${elapsed(s.startedAt)}`, 8)} ${pad(took, 8)} ${pad(s.stage, 40)} ${s.passed} passed, ${s.failed} failed`,
    );
  }
  console.log("slowest test files:");
  for (const f of [...files].sort((a, b) => b.seconds - a.seconds).slice(0, 15)) {
    console.log(`  ${pad(`${f.seconds.toFixed(1)} s`, 9)} ${pad(f.stage, 24)} ${f.file}`);
  }
  console.log(`whole run: ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  for (const text of notes) console.log(`\nNOTE: ${text}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
}

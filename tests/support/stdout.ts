// Runs `act` with process.stdout captured: the log (lib/log.ts) writes its JSON lines there.
export function capturingStdout<T>(act: () => T): { result: T; lines: string[] } {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => {
    lines.push(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { result: act(), lines };
  } finally {
    process.stdout.write = write;
  }
}

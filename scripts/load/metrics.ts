// What the simulated users measure: per kind of request, how many, how many 5xx and network
// failures, and how long each took (milliseconds, from send to the full answer).

export type Kind = "send" | "mark-read" | "inbox" | "stream-open" | "setup+check";

type Tally = { requests: number; serverErrors: number; networkErrors: number; latencies: number[] };

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

export class Metrics {
  readonly byKind = new Map<Kind, Tally>();
  /** Status codes other than the expected ones, for the summary (e.g. "send 409": 3). */
  readonly unexpected = new Map<string, number>();

  private tally(kind: Kind): Tally {
    let tally = this.byKind.get(kind);
    if (!tally) {
      tally = { requests: 0, serverErrors: 0, networkErrors: 0, latencies: [] };
      this.byKind.set(kind, tally);
    }
    return tally;
  }

  record(kind: Kind, status: number, ms: number): void {
    const tally = this.tally(kind);
    tally.requests++;
    tally.latencies.push(ms);
    if (status >= 500) tally.serverErrors++;
  }

  networkError(kind: Kind): void {
    const tally = this.tally(kind);
    tally.requests++;
    tally.networkErrors++;
  }

  noteUnexpected(kind: Kind, status: number): void {
    const key = `${kind} ${status}`;
    this.unexpected.set(key, (this.unexpected.get(key) ?? 0) + 1);
  }

  total(field: "requests" | "serverErrors" | "networkErrors", except: Kind[] = []): number {
    let sum = 0;
    for (const [kind, tally] of this.byKind) if (!except.includes(kind)) sum += tally[field];
    return sum;
  }
}

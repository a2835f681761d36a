// Counters in this process's memory: the embedded default, where there is one process.
import { type Hit, windowStartOf } from "./verdict";

type Counter = { windowStart: number; count: number };

export class MemoryRateLimitStore {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number): Promise<Hit> {
    const now = this.now();
    const windowStart = windowStartOf(now, windowSeconds);
    let counter = this.counters.get(key);
    if (!counter || counter.windowStart !== windowStart) {
      // Bounded memory: past windows are dropped now and then, not per request.
      if (this.counters.size >= 10_000) this.sweep(windowStart);
      counter = { windowStart, count: 0 };
      this.counters.set(key, counter);
    }
    counter.count += 1;
    return {
      count: counter.count,
      resetSeconds: Math.ceil((windowStart + windowSeconds * 1000 - now) / 1000),
    };
  }

  private sweep(currentWindowStart: number): void {
    for (const [key, counter] of this.counters) {
      if (counter.windowStart < currentWindowStart) this.counters.delete(key);
    }
  }

  get size(): number {
    return this.counters.size;
  }
}

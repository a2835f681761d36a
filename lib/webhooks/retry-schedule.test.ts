import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDurationList } from "../duration";
import { retryDelayMs } from "./retry-schedule";

describe("retryDelayMs", () => {
  const delays = parseDurationList("5s,5m,30m,2h,5h,10h,10h") ?? [];

  it("follows the schedule, one entry per retry, then gives up", () => {
    const middle = () => 0.5;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, delays, middle)),
      delays,
    );
    assert.equal(retryDelayMs(8, delays, middle), null);
  });

  it("keeps jitter within ±10 %", () => {
    assert.equal(
      retryDelayMs(1, delays, () => 0),
      4_500,
    );
    assert.equal(
      retryDelayMs(1, delays, () => 0.999_999),
      5_500,
    );
  });

  it("the default schedule retries for more than 24 hours", () => {
    assert.ok(delays.reduce((sum, delay) => sum + delay, 0) > 24 * 3_600_000);
  });
});

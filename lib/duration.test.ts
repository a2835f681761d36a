import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDuration, parseDurationList } from "./duration";

describe("parseDuration", () => {
  it("reads each unit", () => {
    assert.deepEqual(
      ["250ms", "5s", "1.5s", "30m", "2h", "5d"].map(parseDuration),
      [250, 5_000, 1_500, 1_800_000, 7_200_000, 432_000_000],
    );
  });

  it("refuses bare numbers, unknown units and garbage", () => {
    assert.deepEqual(["5", "5w", "", "s", "-1s", "1s2"].map(parseDuration), [
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("parseDurationList", () => {
  it("reads a schedule and refuses it whole if one entry is wrong", () => {
    assert.deepEqual(parseDurationList("1s, 2s,5m"), [1_000, 2_000, 300_000]);
    assert.equal(parseDurationList("1s,,2s"), null);
    assert.equal(parseDurationList("1s,soon"), null);
  });
});

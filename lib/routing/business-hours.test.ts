import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isOpenAt, wallClock } from "./business-hours";

const weekdays9to17 = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [{ start: "09:00", end: "17:00" }]]),
);

describe("business hours", () => {
  it("reads the company's wall clock, daylight saving included", () => {
    // 2026-07-06 is a Monday: 07:30 UTC is 09:30 in Paris (UTC+2 in summer).
    assert.deepEqual(wallClock("Europe/Paris", new Date("2026-07-06T07:30:00Z")), {
      weekday: "mon",
      time: "09:30",
    });
    // In winter Paris is UTC+1: the same UTC time is 08:30.
    assert.deepEqual(wallClock("Europe/Paris", new Date("2026-01-05T07:30:00Z")), {
      weekday: "mon",
      time: "08:30",
    });
    // Across midnight the weekday follows the zone, not UTC: Sunday 23:30 UTC is Monday in Tokyo.
    assert.equal(wallClock("Asia/Tokyo", new Date("2026-07-05T23:30:00Z")).weekday, "mon");
  });

  it("is open inside a span, closed at its end, on days left out, and always open without hours", () => {
    const paris = (iso: string) => isOpenAt(weekdays9to17, "Europe/Paris", new Date(iso));
    assert.equal(paris("2026-07-06T07:00:00Z"), true, "09:00 Monday: the start is included");
    assert.equal(paris("2026-07-06T15:00:00Z"), false, "17:00 Monday: the end is not");
    assert.equal(paris("2026-07-04T10:00:00Z"), false, "Saturday is not listed");
    assert.equal(isOpenAt(null, "UTC", new Date()), true);
    assert.equal(
      isOpenAt({ sat: [{ start: "22:00", end: "24:00" }] }, "UTC", new Date("2026-07-04T23:59:00Z")),
      true,
    );
  });
});

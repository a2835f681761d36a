// Run: node --import tsx --test components/ui/time-label.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { labelStyle } from "./time-label";

// Local times, so the cases hold in any time zone the tests run in.
const now = new Date(2025, 5, 15, 12, 0); // Sunday 15 June 2025, noon
const at = (month: number, day: number, hour = 9, year = 2025) => new Date(year, month, day, hour);

describe("labelStyle", () => {
  test("compact: today the time, this week the weekday, this year day and month, else the date", () => {
    assert.equal(labelStyle("compact", at(5, 15, 0), now), "time");
    assert.equal(labelStyle("compact", at(5, 15, 23), now), "time");
    assert.equal(labelStyle("compact", at(5, 14, 23), now), "weekday");
    assert.equal(labelStyle("compact", at(5, 9, 0), now), "weekday"); // six days before today
    assert.equal(labelStyle("compact", new Date(2025, 5, 8, 23, 59), now), "dayMonth");
    assert.equal(labelStyle("compact", at(0, 1, 0), now), "dayMonth");
    assert.equal(labelStyle("compact", at(11, 31, 23, 2024), now), "date");
  });

  test("precise: always the time, with day and month, or the full date, when not today", () => {
    assert.equal(labelStyle("precise", at(5, 15), now), "time");
    assert.equal(labelStyle("precise", at(5, 14), now), "dayMonthTime");
    assert.equal(labelStyle("precise", at(0, 1, 0), now), "dayMonthTime");
    assert.equal(labelStyle("precise", at(11, 31, 23, 2024), now), "dateTime");
  });

  test("date and dateTime do not depend on now, so a future expiry reads the same", () => {
    assert.equal(labelStyle("date", at(5, 15), now), "date");
    assert.equal(labelStyle("date", at(5, 16, 9, 2026), now), "date");
    assert.equal(labelStyle("dateTime", at(5, 15), now), "dateTime");
  });
});

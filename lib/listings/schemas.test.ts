// Run: node --import tsx --test lib/listings/schemas.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ExternalIdSchema, ListingInputSchema } from "./schemas";

const withPrice = (amount: number) =>
  ListingInputSchema.safeParse({ title: "Flat", price: { amount, currency: "EUR" } });

describe("listing input", () => {
  test("every amount with at most two decimals is a price, whatever floating point makes of it", () => {
    // 0.29 * 100 is 28.999999999999996, 1.15 * 100 is 114.99999999999999: still two decimals.
    const refused = [];
    for (let cents = 0; cents <= 100_000; cents++) {
      if (!withPrice(cents / 100).success) refused.push(cents / 100);
    }
    assert.deepEqual(refused, []);
    for (const amount of [349_999.99, 999_999_999_999.99, 0.01, 0])
      assert.ok(withPrice(amount).success, `${amount}`);
  });

  test("a third decimal, a negative or a price without currency is refused", () => {
    for (const amount of [0.001, 1.155, 1e-7, -1, 1_000_000_000_000]) {
      assert.equal(withPrice(amount).success, false, `${amount}`);
    }
    assert.equal(ListingInputSchema.safeParse({ title: "Flat", price: { amount: 1 } }).success, false);
  });

  test("an external id is one line of printable text: no control character, tab and line breaks included", () => {
    for (const id of ["a\tb", "a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\u0085b", "\ud800"]) {
      assert.equal(ExternalIdSchema.safeParse(id).success, false, JSON.stringify(id));
    }
    for (const id of ["FLAT-2041", "zillow:123/456", "Maison à vendre 🏠", "x".repeat(200)]) {
      assert.equal(ExternalIdSchema.safeParse(id).success, true, id);
    }
    assert.equal(ExternalIdSchema.safeParse("x".repeat(201)).success, false);
  });
});

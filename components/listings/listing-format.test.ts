// Run: node --import tsx --test components/listings/listing-format.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  attributeLabel,
  formatAttributeValue,
  formatPrice,
  isOffMarket,
  orderedAttributes,
  webUrlOrNull,
} from "./listing-format";

describe("formatPrice", () => {
  test("whole amounts without cents, other amounts with them, in the listing's currency", () => {
    assert.equal(formatPrice({ amount: 250_000, currency: "EUR" }), "€250,000");
    assert.equal(formatPrice({ amount: 1_250.5, currency: "USD" }), "$1,250.50");
    assert.equal(formatPrice({ amount: 0.99, currency: "GBP" }), "£0.99");
  });

  test("a currency without a symbol is named by its code", () => {
    assert.match(formatPrice({ amount: 900_000, currency: "SEK" }), /^SEK\s900,000$/);
  });

  test("no price reads as a price on request", () => {
    assert.equal(formatPrice(null), "Price on request");
  });
});

describe("statuses and attributes", () => {
  test("sold and withdrawn are off the market; under offer is not", () => {
    assert.deepEqual((["active", "under_offer", "sold", "withdrawn"] as const).filter(isOffMarket), [
      "sold",
      "withdrawn",
    ]);
  });

  test("snake_case keys read as words, values as text", () => {
    assert.equal(attributeLabel("floor_area"), "Floor area");
    assert.equal(attributeLabel("bedrooms"), "Bedrooms");
    assert.equal(formatAttributeValue(1_250), "1,250");
    assert.equal(formatAttributeValue(true), "Yes");
    assert.equal(formatAttributeValue(false), "No");
    assert.equal(formatAttributeValue("south"), "south");
  });
});

test("attributes read bedrooms and bathrooms first, then the rest by name", () => {
  const stored = { view: "bay", area_sqft: 900, bathrooms: 1, garage: true, bedrooms: 2 };
  assert.deepEqual(
    orderedAttributes(stored).map(([key]) => key),
    ["bedrooms", "bathrooms", "area_sqft", "garage", "view"],
  );
});

describe("webUrlOrNull", () => {
  test("http and https pass; other schemes and non-URLs do not", () => {
    assert.equal(webUrlOrNull("https://homes.example/1"), "https://homes.example/1");
    assert.equal(webUrlOrNull("http://homes.example/1.jpg"), "http://homes.example/1.jpg");
    assert.equal(webUrlOrNull("javascript:alert(1)"), null);
    assert.equal(webUrlOrNull("data:image/png;base64,AAAA"), null);
    assert.equal(webUrlOrNull("/relative"), null);
    assert.equal(webUrlOrNull(null), null);
  });
});

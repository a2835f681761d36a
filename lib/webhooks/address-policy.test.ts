import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPrivateAddress } from "./address-policy";

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local, unique-local, CGNAT and unspecified addresses", () => {
    for (const address of [
      "127.0.0.1",
      "127.1.2.3",
      "10.0.0.5",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "::",
      "::1",
      "fd12:3456::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:a00:1",
      "not an address",
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
  });

  it("allows public addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"]) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });
});

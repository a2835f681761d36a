import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setAvailability } from "../../lib/routing/availability";
import { listRepresentatives } from "../../lib/routing/list-representatives";
import { createCompany, createGroupRepresentative, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

describe("the representatives a chat may be assigned to", () => {
  it("lists a company's direct and group representatives, by name, to those who answer for it only", async () => {
    const [company, other] = await Promise.all([createCompany(), createCompany()]);
    const direct = await createUser({ companyId: company.id, name: "Ada Direct" });
    const byGroup = await createGroupRepresentative(company.id);
    await setAvailability(byGroup, "away");
    await createUser({ companyId: other.id, name: "Bo Elsewhere" });

    const expected = [
      { id: direct.userId, name: direct.name, availability: "available" },
      { id: byGroup.userId, name: byGroup.name, availability: "away" },
    ].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    assert.deepEqual(await listRepresentatives(direct, company.id), expected);
    assert.deepEqual(await listRepresentatives(byGroup, company.id), expected);
    const admin = await createUser({ isAdmin: true });
    assert.deepEqual(await listRepresentatives(admin, company.id), expected);

    // Someone who does not answer for the company learns nothing about its people.
    assert.deepEqual(await listRepresentatives(await createUser(), company.id), []);
    assert.deepEqual(await listRepresentatives(direct, other.id), []);
  });
});

// The authorization table covers the whole app: every method of every route file under app/
// (both APIs, Auth.js, the probes), every page and every server action has exactly one row.
// A route, page or action added without deciding who may use it fails here.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMPAT_TABLE } from "../../support/authz/compat-table";
import { ACTION_TABLE, OTHER_ROUTE_TABLE, PAGE_TABLE } from "../../support/authz/site-table";
import { V1_TABLE } from "../../support/authz/v1-table";
import { allRouteFiles, declaredPages, declaredServerActions } from "../../support/routes";
import { builtServerActions } from "../../support/server-actions";

const sorted = (items: Iterable<string>) => [...items].sort();

function assertNoDuplicates(keys: string[], what: string): void {
  const seen = new Set<string>();
  const twice = keys.filter((key) => seen.has(key) || !seen.add(key));
  assert.deepEqual(twice, [], `${what}: rows listed twice`);
}

describe("authz coverage: one table for the whole app", () => {
  it("every method of every route file under app/ has a row", () => {
    const served = allRouteFiles().flatMap(({ route, methods }) =>
      methods.map((method) => `${method} ${route}`),
    );
    assert.ok(served.length > 60, `found only ${served.length} route methods`);
    // The compatibility API keeps the original's trailing slashes in its table.
    const compat = COMPAT_TABLE.map((row) => `${row.method} ${row.route.replace(/\/$/, "")}`);
    const v1 = V1_TABLE.map((row) => `${row.method} ${row.route}`);
    const rows = [...v1, ...compat, ...Object.keys(OTHER_ROUTE_TABLE)];
    assertNoDuplicates(rows, "routes");
    assert.deepEqual(sorted(rows), sorted(served));
  });

  it("every page under app/ has a row", () => {
    assert.deepEqual(sorted(Object.keys(PAGE_TABLE)), declaredPages());
  });

  it('every exported function of a "use server" module has a row', () => {
    assert.deepEqual(sorted(Object.keys(ACTION_TABLE)), declaredServerActions());
  });

  it("the build serves no server action outside the table", () => {
    // Next's list of the actions it compiled: it also finds inline "use server" functions,
    // which the source scan above cannot see. The HTTP tests always run after `next build`.
    const actions = [...builtServerActions().keys()];
    assert.deepEqual(sorted(new Set(actions)), sorted(Object.keys(ACTION_TABLE)));
  });
});

// Saved replies: per company, a shortcut used once within a company, another company's reply out of
// reach (404), a refused write changing nothing; and the variables filled when one is inserted.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../lib/errors";
import { fillReplyVariables } from "../../lib/saved-replies/fill-variables";
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  updateSavedReply,
} from "../../lib/saved-replies/saved-replies";
import { SavedReplyBodySchema, SavedReplyPatchSchema } from "../../lib/saved-replies/schemas";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

const rejectsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe("fillReplyVariables", () => {
  const context = { buyer: { name: "Ana" }, listing: { title: "Flat on Elm" }, rep: { name: "Rui" } };

  it("fills the buyer's name, the listing's title and the representative's name", () => {
    assert.equal(
      fillReplyVariables("Hi {{buyer.name}}, {{listing.title}} is free. {{rep.name}}", context),
      "Hi Ana, Flat on Elm is free. Rui",
    );
  });

  it("keeps unknown variables and missing values exactly as typed", () => {
    const typed = "{{buyer.email}} {{ listing.title }} {{company.name}} {{buyer.name";
    assert.equal(fillReplyVariables(typed, { ...context, listing: null }), typed);
  });

  it("does not read a value's own braces as a variable", () => {
    const sneaky = { ...context, buyer: { name: "{{rep.name}}" } };
    assert.equal(fillReplyVariables("{{buyer.name}}", sneaky), "{{rep.name}}");
  });
});

describe("saved replies", () => {
  async function scene() {
    const [company, other] = await Promise.all([createCompany(), createCompany()]);
    const [rep, otherRep] = await Promise.all([
      createUser({ companyId: company.id }),
      createUser({ companyId: other.id }),
    ]);
    return { company, other, rep, otherRep };
  }

  it("lists the company's own replies by shortcut, not another company's", async () => {
    const { rep, otherRep } = await scene();
    await createSavedReply(rep, { body: { shortcut: "viewing", content: "When suits you?" } });
    await createSavedReply(rep, { body: { shortcut: "hello", content: "Hi {{buyer.name}}" } });
    await createSavedReply(otherRep, { body: { shortcut: "hello", content: "Theirs" } });
    const mine = await listSavedReplies(rep);
    assert.deepEqual(
      mine.map((reply) => reply.shortcut),
      ["hello", "viewing"],
    );
    assert.equal(mine[0]?.content, "Hi {{buyer.name}}");
  });

  it("refuses a shortcut the company already uses (conflict), on create and on rename", async () => {
    const { rep } = await scene();
    await createSavedReply(rep, { body: { shortcut: "hello", content: "One" } });
    const second = await createSavedReply(rep, { body: { shortcut: "bye", content: "Two" } });
    await assert.rejects(
      createSavedReply(rep, { body: { shortcut: "hello", content: "Three" } }),
      rejectsWith("conflict"),
    );
    await assert.rejects(updateSavedReply(rep, second.id, { shortcut: "hello" }), rejectsWith("conflict"));
    const after = await listSavedReplies(rep);
    assert.deepEqual(
      after.map((reply) => [reply.shortcut, reply.content]),
      [
        ["bye", "Two"],
        ["hello", "One"],
      ],
    );
  });

  it("keeps another company's reply out of reach: 404 to change or delete, and it stays", async () => {
    const { rep, otherRep, company } = await scene();
    const theirs = await createSavedReply(otherRep, { body: { shortcut: "hello", content: "Theirs" } });
    await assert.rejects(updateSavedReply(rep, theirs.id, { content: "Mine now" }), rejectsWith("not_found"));
    await assert.rejects(deleteSavedReply(rep, theirs.id), rejectsWith("not_found"));
    await assert.rejects(listSavedReplies(otherRep, company.id), rejectsWith("not_found"));
    assert.equal((await listSavedReplies(otherRep))[0]?.content, "Theirs");
  });

  it("changes and deletes the company's own reply", async () => {
    const { rep } = await scene();
    const reply = await createSavedReply(rep, { body: { shortcut: "hello", content: "Hi" } });
    const changed = await updateSavedReply(rep, reply.id, { content: "Hello there" });
    assert.equal(changed.content, "Hello there");
    assert.equal(changed.shortcut, "hello");
    await deleteSavedReply(rep, reply.id);
    assert.deepEqual(await listSavedReplies(rep), []);
    await assert.rejects(deleteSavedReply(rep, reply.id), rejectsWith("not_found"));
  });

  it("accepts only a lowercase shortcut of 1 to 32 and a content that is not blank", () => {
    for (const shortcut of ["", "Hello", "a b", "x".repeat(33), "é", "/hi"]) {
      assert.equal(SavedReplyBodySchema.safeParse({ shortcut, content: "Hi" }).success, false, shortcut);
    }
    assert.equal(SavedReplyBodySchema.safeParse({ shortcut: "a-1", content: "  " }).success, false);
    assert.equal(SavedReplyBodySchema.safeParse({ shortcut: "x".repeat(32), content: "Hi" }).success, true);
    assert.equal(SavedReplyPatchSchema.safeParse({}).success, false);
  });
});

// Run: node --import tsx --test components/chat/saved-reply-match.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  insertReply,
  MAX_REPLY_OPTIONS,
  matchReplies,
  type ReplyOption,
  slashWordAt,
} from "./saved-reply-match";

describe("slashWordAt", () => {
  test("a slash at the start or after whitespace opens a word up to the caret", () => {
    assert.deepEqual(slashWordAt("/gre", 4), { start: 0, end: 4, query: "gre" });
    assert.deepEqual(slashWordAt("Hello /", 7), { start: 6, end: 7, query: "" });
    assert.deepEqual(slashWordAt("Hi\n/th", 6), { start: 3, end: 6, query: "th" });
  });

  test("the word runs on past the caret to the next whitespace", () => {
    assert.deepEqual(slashWordAt("/greet now", 3), { start: 0, end: 6, query: "gr" });
  });

  test("a slash inside a word or after the word ended is no slash word", () => {
    assert.equal(slashWordAt("1/2", 3), null);
    assert.equal(slashWordAt("see https://example.com", 23), null);
    assert.equal(slashWordAt("/greet ", 7), null);
    assert.equal(slashWordAt("plain text", 10), null);
  });
});

describe("matchReplies", () => {
  const reply = (id: number, shortcut: string, text: string): ReplyOption => ({ id, shortcut, text });
  const replies = [
    reply(1, "directions", "Take the second exit, then greet the doorman."),
    reply(2, "greet", "Hi Ana, thanks for writing."),
    reply(3, "green-area", "The park is two minutes away."),
    reply(4, "price", "The price is negotiable."),
  ];
  const shortcuts = (options: ReplyOption[]) => options.map((option) => option.shortcut);

  test("shortcut prefixes first, in the given order, then replies whose text contains the query", () => {
    assert.deepEqual(shortcuts(matchReplies(replies, "gre")), ["greet", "green-area", "directions"]);
  });

  test("case does not matter", () => {
    assert.deepEqual(shortcuts(matchReplies(replies, "PRI")), ["price"]);
    assert.deepEqual(shortcuts(matchReplies(replies, "DOORMAN")), ["directions"]);
  });

  test("an empty query offers every reply; no match offers none", () => {
    assert.deepEqual(shortcuts(matchReplies(replies, "")), ["directions", "greet", "green-area", "price"]);
    assert.deepEqual(matchReplies(replies, "zzz"), []);
  });

  test("at most MAX_REPLY_OPTIONS are offered", () => {
    const many = Array.from({ length: MAX_REPLY_OPTIONS + 3 }, (_, index) =>
      reply(index, `r${index}`, "text"),
    );
    assert.equal(matchReplies(many, "r").length, MAX_REPLY_OPTIONS);
  });
});

describe("insertReply", () => {
  test("replaces the whole slash word and puts the caret after the reply", () => {
    const text = "Sure! /gre and more";
    const word = slashWordAt(text, 9);
    assert.ok(word);
    assert.deepEqual(insertReply(text, word, "Hi Ana"), { text: "Sure! Hi Ana and more", caret: 12 });
  });
});

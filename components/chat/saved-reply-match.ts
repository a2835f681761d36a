// The pure half of the console composer's saved-reply picker: where the "/word" being typed is,
// which replies it matches, and the text once one is inserted.

/** The "/word" the caret is in: from the slash to the end of the word; `query` is what follows the slash up to the caret. */
export type SlashWord = { start: number; end: number; query: string };

/**
 * The slash word at the caret, if any. It must start the text or follow whitespace, so a slash
 * inside a word or a URL ("1/2", "https://…") never opens the picker.
 */
export function slashWordAt(text: string, caret: number): SlashWord | null {
  const match = /(?:^|\s)\/(\S*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  const rest = /^\S*/.exec(text.slice(caret))?.[0] ?? "";
  return { start: caret - query.length - 1, end: caret + rest.length, query };
}

/** A reply as the picker offers it: its text already filled for this chat. */
export type ReplyOption = { id: number; shortcut: string; text: string };

/** Enough to choose from while typing; a longer list is narrowed by typing more. */
export const MAX_REPLY_OPTIONS = 8;

/** Shortcuts that start with the query first (in the given order), then replies whose text contains it. */
export function matchReplies(replies: readonly ReplyOption[], query: string): ReplyOption[] {
  const wanted = query.toLowerCase();
  const byShortcut = replies.filter((reply) => reply.shortcut.toLowerCase().startsWith(wanted));
  const byText = wanted
    ? replies.filter((reply) => !byShortcut.includes(reply) && reply.text.toLowerCase().includes(wanted))
    : [];
  return [...byShortcut, ...byText].slice(0, MAX_REPLY_OPTIONS);
}

/** The text with the slash word replaced by the reply, and where the caret goes: just after it. */
export function insertReply(text: string, word: SlashWord, reply: string): { text: string; caret: number } {
  return { text: text.slice(0, word.start) + reply + text.slice(word.end), caret: word.start + reply.length };
}

// Saved replies for HTTP tests and tables of routes, made through the API by the admin (who names
// the company like any caller who answers for several).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { call } from "./http";

export type SavedReplyJson = { id: number; company_id: number; shortcut: string; content: string };

export const savedRepliesPath = (companyId: number) =>
  `/api/v1/company/saved-replies?company_id=${companyId}`;

/** A shortcut no other test uses. */
export const freshShortcut = () => `s-${randomUUID().slice(0, 8)}`;

export async function postSavedReply(
  token: string,
  companyId: number,
  body: { shortcut?: string; content?: string } = {},
): Promise<SavedReplyJson> {
  const answer = await call("POST", savedRepliesPath(companyId), {
    token,
    body: { shortcut: freshShortcut(), content: "Hi {{buyer.name}}", ...body },
  });
  assert.equal(answer.status, 201, `making a saved reply: ${answer.text}`);
  return answer.body;
}

type ReplyWorld = { admin: string; companyA: number };
const shared = new Map<number, Promise<SavedReplyJson>>();

/** One saved reply of company A for rows that change it without removing it. */
export function sharedSavedReply(w: ReplyWorld): Promise<SavedReplyJson> {
  let known = shared.get(w.companyA);
  if (!known) {
    known = postSavedReply(w.admin, w.companyA);
    shared.set(w.companyA, known);
  }
  return known;
}

// A company's saved replies. Listing and creating name the company (companyForActor); changing
// and deleting find the reply within the companies the actor answers for, so another company's
// reply is 404, like any other tenant's object.
import "server-only";
import type { Actor } from "../auth/actor";
import { companyScope } from "../chats/scope";
import { companyForActor } from "../companies/company-for-actor";
import { db } from "../db/client";
import { AppError, isUniqueViolation, notFound } from "../errors";
import type { SavedReplyBody, SavedReplyPatch } from "./schemas";

const savedReplySelect = {
  id: true,
  companyId: true,
  shortcut: true,
  content: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type SavedReplyRecord = {
  id: number;
  companyId: number;
  shortcut: string;
  content: string;
  createdAt: Date;
  updatedAt: Date;
};

export const savedReplyJson = (reply: SavedReplyRecord) => ({
  id: reply.id,
  company_id: reply.companyId,
  shortcut: reply.shortcut,
  content: reply.content,
  created_at: reply.createdAt.toISOString(),
  updated_at: reply.updatedAt.toISOString(),
});

/** A company keeps a handful of these; the cap only bounds the answer. */
const MAX_LISTED = 500;

const shortcutTaken = (shortcut: string) =>
  new AppError("conflict", `The shortcut "${shortcut}" is taken by another saved reply of this company.`, [
    { field: "shortcut", message: "Already used in this company." },
  ]);

/** Turns the (company, shortcut) unique violation into a 409; anything else goes on. */
async function refusingClash<T>(shortcut: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (shortcut !== undefined && isUniqueViolation(error)) throw shortcutTaken(shortcut);
    throw error;
  }
}

export async function listSavedReplies(actor: Actor, companyId?: number): Promise<SavedReplyRecord[]> {
  const id = companyForActor(actor, companyId);
  return db().savedReply.findMany({
    where: { companyId: id },
    orderBy: { shortcut: "asc" },
    take: MAX_LISTED,
    select: savedReplySelect,
  });
}

export async function createSavedReply(
  actor: Actor,
  input: { companyId?: number; body: SavedReplyBody },
): Promise<SavedReplyRecord> {
  const companyId = companyForActor(actor, input.companyId);
  return refusingClash(input.body.shortcut, () =>
    db().savedReply.create({ data: { companyId, ...input.body }, select: savedReplySelect }),
  );
}

async function findOwnReply(actor: Actor, id: number): Promise<{ id: number }> {
  const reply = await db().savedReply.findFirst({
    where: { id, ...companyScope(actor) },
    select: { id: true },
  });
  if (!reply) throw notFound("Saved reply");
  return reply;
}

export async function updateSavedReply(
  actor: Actor,
  id: number,
  patch: SavedReplyPatch,
): Promise<SavedReplyRecord> {
  await findOwnReply(actor, id);
  try {
    return await refusingClash(patch.shortcut, () =>
      db().savedReply.update({ where: { id }, data: patch, select: savedReplySelect }),
    );
  } catch (error) {
    // Deleted between the check and the write.
    if ((error as { code?: unknown }).code === "P2025") throw notFound("Saved reply");
    throw error;
  }
}

export async function deleteSavedReply(actor: Actor, id: number): Promise<void> {
  await findOwnReply(actor, id);
  await db().savedReply.deleteMany({ where: { id } });
}

// Internal notes: what representatives tell each other about a chat. Every read and write goes
// through the company side's scope (lib/chats/scope.ts), so a buyer, whose side of the chat is
// all they can reach, never meets a note: not here, and not in events (note.created is
// company-only) or anything built from messages (notes are not messages).
import "server-only";
import { type Actor, isCompanyKey } from "../auth/actor";
import { chatScope } from "../chats/scope";
import { db } from "../db/client";
import { notFound } from "../errors";
import { appendEvent } from "../events/append-event";
import type { NoteJson } from "../events/payloads";
import type { NoteBody } from "./schemas";

const noteSelect = {
  id: true,
  chatId: true,
  content: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type NoteRecord = {
  id: number;
  chatId: number;
  content: string;
  createdAt: Date;
  author: { id: number; name: string } | null;
};

export const noteJson = (note: NoteRecord): NoteJson => ({
  id: note.id,
  chat_id: note.chatId,
  author: note.author,
  content: note.content,
  created_at: note.createdAt.toISOString(),
});

/** The chat's notes, oldest first (they read like a thread beside the conversation). */
export async function listNotes(actor: Actor, chatId: number): Promise<NoteRecord[]> {
  const chat = await db().chat.findFirst({
    where: { id: chatId, ...chatScope(actor, "company") },
    select: { notes: { orderBy: { id: "asc" }, take: 500, select: noteSelect } },
  });
  if (!chat) throw notFound("Chat");
  return chat.notes;
}

/** A representative's note; a company key leaves one with no author. */
export async function addNote(actor: Actor, chatId: number, body: NoteBody): Promise<NoteRecord> {
  return db().$transaction(async (tx) => {
    const chat = await tx.chat.findFirst({
      where: { id: chatId, ...chatScope(actor, "company") },
      select: { id: true, companyId: true, buyerId: true },
    });
    if (!chat) throw notFound("Chat");
    const note = await tx.note.create({
      data: {
        chatId: chat.id,
        authorId: isCompanyKey(actor) ? null : actor.userId,
        content: body.content,
      },
      select: noteSelect,
    });
    await appendEvent(tx, {
      type: "note.created",
      chat,
      payload: { chat_id: chat.id, note: noteJson(note) },
    });
    return note;
  });
}

import { NoteListSchema, NoteSchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { addNote, listNotes, noteJson } from "@/lib/notes/notes";
import { NoteBodySchema } from "@/lib/notes/schemas";

/** The chat's internal notes, oldest first (company side only). */
export const GET = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const notes = await listNotes(actor, parseId(params.id, "Chat"));
  return jsonResponse(NoteListSchema, { data: notes.map(noteJson) });
});

/** A note for the other representatives; the buyer never sees it. */
export const POST = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "messages:write");
  const chatId = parseId(params.id, "Chat");
  const body = await readJson(request, NoteBodySchema);
  return jsonResponse(NoteSchema, noteJson(await addNote(actor, chatId, body)), { status: 201 });
});

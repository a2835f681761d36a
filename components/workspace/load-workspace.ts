// Server only (imported by the console's conversation page): the first data of the assignee
// control and the notes, read through lib/ with the page's actor, notes in the API's JSON shape
// under the API's URL.
import { notFound } from "next/navigation";
import { NoteListSchema } from "@/lib/api/v1-schemas";
import { chatNotesUrl } from "@/lib/client/chat-urls";
import { AppError } from "@/lib/errors";
import { listNotes, noteJson } from "@/lib/notes/notes";
import { listRepresentatives, type Representative } from "@/lib/routing/list-representatives";
import { requireChat } from "../chat/load-conversation";
import type { NoteList } from "./internal-notes";

export type WorkspaceData = {
  representatives: Representative[];
  /** SWR fallback data: `{ [notes url]: { data: notes } }`. */
  fallback: Record<string, NoteList>;
};

export async function loadWorkspace(rawId: string, returnTo: string): Promise<WorkspaceData> {
  const { actor, chatId, chat } = await requireChat("company", rawId, returnTo);
  try {
    const [representatives, notes] = await Promise.all([
      listRepresentatives(actor, chat.company.id),
      listNotes(actor, chatId),
    ]);
    return {
      representatives,
      fallback: { [chatNotesUrl(chatId)]: NoteListSchema.parse({ data: notes.map(noteJson) }) },
    };
  } catch (error) {
    // Access ended between the reads: the same answer as if it never existed.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

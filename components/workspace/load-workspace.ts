// Server only (imported by the console's conversation page): the first data of the assignee
// control, the notes and the composer's saved replies, read through lib/ with the page's actor,
// in the API's JSON shapes under the API's URLs. The replies come with the page so a "/" typed
// at once already opens the picker, instead of being sent as text while they load.
import { notFound } from "next/navigation";
import { NoteListSchema, SavedReplyListSchema } from "@/lib/api/v1-schemas";
import type { ApiSavedReplyList } from "@/lib/api/v1-types";
import { chatNotesUrl, savedRepliesUrl } from "@/lib/client/chat-urls";
import { AppError } from "@/lib/errors";
import { listNotes, noteJson } from "@/lib/notes/notes";
import { listRepresentatives, type Representative } from "@/lib/routing/list-representatives";
import { listSavedReplies, savedReplyJson } from "@/lib/saved-replies/saved-replies";
import { requireChat } from "../chat/load-conversation";
import type { NoteList } from "./internal-notes";

export type WorkspaceData = {
  representatives: Representative[];
  /** SWR fallback data: `{ [notes url]: { data: notes }, [saved replies url]: { data: replies } }`. */
  fallback: Record<string, NoteList | ApiSavedReplyList>;
};

export async function loadWorkspace(rawId: string, returnTo: string): Promise<WorkspaceData> {
  const { actor, chatId, chat } = await requireChat("company", rawId, returnTo);
  try {
    const [representatives, notes, replies] = await Promise.all([
      listRepresentatives(actor, chat.company.id),
      listNotes(actor, chatId),
      listSavedReplies(actor, chat.company.id),
    ]);
    return {
      representatives,
      fallback: {
        [chatNotesUrl(chatId)]: NoteListSchema.parse({ data: notes.map(noteJson) }),
        [savedRepliesUrl(chat.company.id)]: SavedReplyListSchema.parse({ data: replies.map(savedReplyJson) }),
      },
    };
  } catch (error) {
    // Access ended between the reads: the same answer as if it never existed.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

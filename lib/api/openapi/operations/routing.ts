// Routing and the representative's workspace: the company's routing settings, internal notes on a
// chat, and saved replies. All company side: a buyer never reaches any of it.
import { z } from "zod";
import { PathIdSchema } from "../../../http/params";
import { CompanyQuerySchema } from "../../../listings/schemas";
import { NoteBodySchema } from "../../../notes/schemas";
import { RoutingSettingsPatchSchema } from "../../../routing/schemas";
import { SavedReplyBodySchema, SavedReplyPatchSchema } from "../../../saved-replies/schemas";
import {
  NoteListSchema,
  NoteSchema,
  RoutingSettingsSchema,
  SavedReplyListSchema,
  SavedReplySchema,
} from "../../v1-schemas";
import type { Operation } from "../operation";
import { ChatIdParams, COMPANY_ERRORS, NO_CONTENT, WHICH_COMPANY } from "./shared";

const SettingsPatchExample = RoutingSettingsPatchSchema.meta({
  examples: [
    {
      routing: "least_busy",
      max_open_per_rep: 20,
      reassign_after_minutes: 30,
      timezone: "Europe/Lisbon",
      business_hours: { mon: [{ start: "09:00", end: "18:00" }], sat: [{ start: "10:00", end: "13:00" }] },
      away_message: "Thanks for writing! We answer from 9:00; someone will reply in the morning.",
    },
  ],
});

const SavedReplyExample = SavedReplyBodySchema.meta({
  examples: [
    {
      shortcut: "viewing",
      content: "Hi {{buyer.name}}, {{listing.title}} can be visited on Saturday. {{rep.name}}",
    },
  ],
});

const SavedReplyIdParams = z.object({ id: PathIdSchema.describe("The saved reply's id") });

const SETTINGS_TAGS = ["Company settings"];
const NOTES_TAGS = ["Company chats"];
const REPLIES_TAGS = ["Saved replies"];
const settings = { tags: SETTINGS_TAGS, access: "user", scope: "settings:write" } as const;
const notes = { tags: NOTES_TAGS, access: "user" } as const;
const replies = { tags: REPLIES_TAGS, access: "user" } as const;
const repliesPath = "/api/v1/company/saved-replies";

export const routingOperations: Operation[] = [
  {
    ...settings,
    method: "get",
    path: "/api/v1/company/settings",
    operationId: "getCompanySettings",
    summary: "My company's routing, business hours and away message",
    description: `A company that never saved settings routes by hand and is always open. ${WHICH_COMPANY}`,
    query: CompanyQuerySchema,
    responses: { 200: { description: "The settings.", schema: RoutingSettingsSchema } },
    errors: COMPANY_ERRORS,
  },
  {
    ...settings,
    method: "patch",
    path: "/api/v1/company/settings",
    operationId: "updateCompanySettings",
    summary: "Change routing, capacity, reassignment, business hours or the away message",
    description:
      "Only the fields sent change, all of them or none (a refused request changes nothing). " +
      "`routing`: `manual` leaves new chats in the queue, `round_robin` takes turns, `least_busy` " +
      "picks whoever holds the fewest open chats; away representatives and those at " +
      "`max_open_per_rep` are passed by. `timezone` is an IANA zone; `business_hours` spans must " +
      `end after they start and not overlap. ${WHICH_COMPANY}`,
    query: CompanyQuerySchema,
    body: SettingsPatchExample,
    responses: { 200: { description: "The settings after the change.", schema: RoutingSettingsSchema } },
    errors: COMPANY_ERRORS,
  },
  {
    ...notes,
    method: "get",
    path: "/api/v1/company/chats/{id}/notes",
    operationId: "listChatNotes",
    summary: "Internal notes of a chat",
    description: "Oldest first. Company side only: the buyer never sees a note, anywhere.",
    scope: "chats:read",
    params: ChatIdParams,
    responses: { 200: { description: "The notes.", schema: NoteListSchema } },
  },
  {
    ...notes,
    method: "post",
    path: "/api/v1/company/chats/{id}/notes",
    operationId: "addChatNote",
    summary: "Leave a note for the other representatives",
    description:
      "Trimmed, not blank, at most 5,000 characters. Emits `note.created` to the company side " +
      "only (stream and webhooks); a company key's note has no author.",
    scope: "messages:write",
    params: ChatIdParams,
    body: NoteBodySchema.meta({ examples: [{ content: "Asked for a second viewing; prefers mornings." }] }),
    responses: { 201: { description: "The note.", schema: NoteSchema } },
  },
  {
    ...replies,
    method: "get",
    path: repliesPath,
    operationId: "listSavedReplies",
    summary: "My company's saved replies",
    description:
      "By shortcut. Variables `{{buyer.name}}`, `{{listing.title}}`, `{{rep.name}}` are filled " +
      "when a representative inserts the reply; unknown ones, or ones without a value, stay as " +
      `typed. ${WHICH_COMPANY}`,
    scope: "chats:read",
    query: CompanyQuerySchema,
    responses: { 200: { description: "The saved replies.", schema: SavedReplyListSchema } },
    errors: COMPANY_ERRORS,
  },
  {
    ...replies,
    method: "post",
    path: repliesPath,
    operationId: "createSavedReply",
    summary: "Save a reply under a shortcut",
    description: `A shortcut is 1 to 32 of \`a-z\`, \`0-9\` and \`-\`, once per company. ${WHICH_COMPANY}`,
    scope: "settings:write",
    query: CompanyQuerySchema,
    body: SavedReplyExample,
    responses: { 201: { description: "The saved reply.", schema: SavedReplySchema } },
    errors: { ...COMPANY_ERRORS, 409: "The company already has a saved reply with this shortcut." },
  },
  {
    ...replies,
    method: "patch",
    path: `${repliesPath}/{id}`,
    operationId: "updateSavedReply",
    summary: "Change a saved reply's shortcut or content",
    description: "Another company's saved reply is 404.",
    scope: "settings:write",
    params: SavedReplyIdParams,
    body: SavedReplyPatchSchema.meta({ examples: [{ content: "Hello {{buyer.name}}, thanks for asking!" }] }),
    responses: { 200: { description: "The saved reply after the change.", schema: SavedReplySchema } },
    errors: { 409: "The company already has a saved reply with this shortcut." },
  },
  {
    ...replies,
    method: "delete",
    path: `${repliesPath}/{id}`,
    operationId: "deleteSavedReply",
    summary: "Delete a saved reply",
    description: "Another company's saved reply is 404.",
    scope: "settings:write",
    params: SavedReplyIdParams,
    responses: { 204: NO_CONTENT },
  },
];

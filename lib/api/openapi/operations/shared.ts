// Pieces several operation files describe the same way.
import { z } from "zod";
import { PathIdSchema } from "../../../http/params";

export const ChatIdParams = z.object({ id: PathIdSchema.describe("The chat's id") });

export const NO_CONTENT = { description: "Done; no body." };

export const SEND_DESCRIPTION =
  "Content is trimmed, may not be blank and is at most 5,000 characters. A retry with the same " +
  "`Idempotency-Key` (or `client_message_id`) returns the first message with " +
  "`Idempotent-Replayed: true`; the same key with other content is a 422. `listing_id` makes the " +
  "message about a listing of the chat's company (shown as its card on both sides; 404 for any other).";

export const MESSAGES_DESCRIPTION =
  "Oldest first. Without a cursor: the newest `limit` messages. `before={id}` pages back in " +
  "history, `after={id}` forward; `next_cursor` is the id to pass next.";

export const SEND_ERRORS = {
  404: "`listing_id` names no listing of the chat's company.",
  409: "The chat is closed.",
};

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

/** Said of every company-side route that takes `?company_id=`. */
export const WHICH_COMPANY =
  "The company is the one the caller answers for: a company key's, or a representative's only " +
  "company. Whoever represents several (and an admin) names it with `company_id`.";

/** What the company-side routes that take `?company_id=` refuse, beyond what the generator infers. */
export const COMPANY_ERRORS = {
  403: "A person who represents no company.",
  404: "`company_id` names a company the caller does not represent.",
  422: "No `company_id` from a caller who represents several companies (or an admin).",
};

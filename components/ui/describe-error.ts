import { ApiError } from "@/lib/client/api";

/** A sentence for a failed API call: the API's own detail, or what to do when there is none. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return "Your session has ended. Sign in again, then retry.";
    if (error.status === 404)
      return `${error.message} It may have been removed; reload the page to see the current state.`;
    return error.message;
  }
  return "Something went wrong. Try again in a moment.";
}

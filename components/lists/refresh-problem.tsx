import type { ApiError } from "@/lib/client/api";
import { textLink } from "../ui/styles";

/**
 * Shown above a list whose background refresh failed: what is on screen stays, and the message
 * says what to do. A 401 means the session ended (signed out elsewhere, or expired).
 */
export function RefreshProblem({ error, returnTo }: { error: ApiError | undefined; returnTo: string }) {
  return (
    <div role="status" aria-live="polite">
      {error && (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {error.status === 401 ? (
            <>
              Your session has ended.{" "}
              <a href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className={textLink}>
                Sign in again
              </a>{" "}
              to see new messages.
            </>
          ) : (
            <>
              This list could not be updated: {error.message} It will try again by itself; what you see may be
              out of date until then.
            </>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The outcome of an admin action: success is announced politely, failure assertively. Both
 * regions are always in the page, so screen readers announce the text when it appears.
 */
export function Notice({ result }: { result: { ok: boolean; text: string } | null }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {result?.ok && (
          <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
            {result.text}
          </p>
        )}
      </div>
      <div role="alert">
        {result && !result.ok && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {result.text}
          </p>
        )}
      </div>
    </>
  );
}

export type NoticeResult = { ok: boolean; text: string } | null;

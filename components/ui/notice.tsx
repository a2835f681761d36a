export type NoticeTone = "success" | "error" | "info";
export type NoticeMessage = { tone: NoticeTone; text: string };

const LOOK: Record<NoticeTone, string> = {
  success:
    "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100",
  info: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100",
  error: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
};

function Box({ message }: { message: NoticeMessage }) {
  return <p className={`rounded-md border px-3 py-2 text-sm ${LOOK[message.tone]}`}>{message.text}</p>;
}

/**
 * What an action did, or what to do next: success and info are announced politely, errors at
 * once. Both live regions are always in the page, because screen readers announce text that
 * appears inside a region, not a region that appears with its text.
 */
export function Notice({ message }: { message: NoticeMessage | null | undefined }) {
  return (
    <div>
      <div role="status" aria-live="polite">
        {message && message.tone !== "error" && <Box message={message} />}
      </div>
      <div role="alert">{message?.tone === "error" && <Box message={message} />}</div>
    </div>
  );
}

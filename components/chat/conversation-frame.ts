/**
 * The conversation's box: the height of the window below the site header, so the thread scrolls
 * inside it and the composer stays at its bottom. On phones it uses the full width and most of
 * the main area's padding. Shared with the loading skeleton, so the swap does not move anything.
 * (Depends on app/layout.tsx: a header about 3.5rem tall and <main> with px-4 py-10.)
 */
export const CONVERSATION_FRAME =
  "-mx-4 -my-6 flex h-[calc(100dvh-6rem)] min-h-[24rem] flex-col overflow-hidden border-zinc-200 sm:mx-0 sm:my-0 sm:h-[calc(100dvh-9rem)] sm:rounded-xl sm:border dark:border-zinc-800";

/**
 * The console's conversation with its context panel: side by side on a wide screen, the panel
 * below on a phone. Shared with the console's loading skeleton for the same reason.
 */
export const CONSOLE_CHAT_GRID = "lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-5";

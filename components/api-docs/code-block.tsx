// Preformatted JSON or text in a labelled region that scrolls sideways. Focusable, because a
// scrolling region must be reachable from the keyboard (axe: scrollable-region-focusable).
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard.
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <pre className="p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:text-zinc-200">{children}</pre>
    </div>
  );
}

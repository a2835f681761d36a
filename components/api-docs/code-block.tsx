// Preformatted JSON or text that scrolls sideways, with a caption for screen readers. The
// scrolling box is focusable, because it must be reachable from the keyboard (axe:
// scrollable-region-focusable); a landmark per block would crowd the page's landmark list.
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      <div
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable to scroll by keyboard.
        tabIndex={0}
        className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <pre className="p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:text-zinc-200">
          {children}
        </pre>
      </div>
    </figure>
  );
}

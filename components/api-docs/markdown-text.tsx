// The little Markdown the operation descriptions use: paragraphs, "- " lists, `code` and **bold**.
// Rendered as React elements (never as HTML), so no description can inject markup.
import type { ReactNode } from "react";

function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, index) => {
    const key = `${index}-${part}`;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
      return (
        <code key={key} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
          {part.slice(1, -1)}
        </code>
      );
    }
    if (part.startsWith("**") && part.endsWith("**")) return <strong key={key}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

/** One line of text with `code` and **bold**, e.g. a field's description. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{inline(text)}</>;
}

export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-zinc-700 dark:text-zinc-300">
      {text.split(/\n{2,}/).map((block) => {
        const lines = block.split("\n");
        if (lines.every((line) => line.startsWith("- "))) {
          return (
            <ul key={block} className="list-disc space-y-1 pl-5">
              {lines.map((line) => (
                <li key={line}>{inline(line.slice(2))}</li>
              ))}
            </ul>
          );
        }
        return <p key={block}>{inline(block)}</p>;
      })}
    </div>
  );
}

// The operation and field descriptions of the OpenAPI document, in CommonMark via react-markdown.
// It builds React elements, never HTML strings: raw HTML in a description shows as its text,
// and links keep only safe protocols (react-markdown's defaults, which must stay: no rehype-raw).
// Server-rendered like the page, with Tailwind classes only (no style attributes: the page's CSP).
import Markdown, { type Components } from "react-markdown";
import { textLink } from "@/components/ui/styles";

const inlineElements: Components = {
  code: ({ children }) => (
    <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
      {children}
    </code>
  ),
  // react-markdown empties an unsafe href (javascript:, data:, …): then plain text, not a dead link.
  a: ({ href, children }) =>
    href ? (
      <a href={href} className={textLink}>
        {children}
      </a>
    ) : (
      children
    ),
};

const blockElements: Components = {
  ...inlineElements,
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
};

// What may sit inside a sentence; anything else (paragraphs, lists) is unwrapped to its content.
const INLINE_TAGS = ["code", "strong", "em", "a"];

/** One line of Markdown without a wrapping paragraph, e.g. a field's description. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Markdown components={inlineElements} allowedElements={INLINE_TAGS} unwrapDisallowed>
      {text}
    </Markdown>
  );
}

/** A description of paragraphs and lists. */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-zinc-700 dark:text-zinc-300">
      <Markdown components={blockElements}>{text}</Markdown>
    </div>
  );
}

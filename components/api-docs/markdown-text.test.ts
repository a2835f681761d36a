import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { InlineMarkdown, MarkdownText } from "./markdown-text";

const block = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));
const inline = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe("MarkdownText", () => {
  it("renders paragraphs, lists, `code`, **bold** and links with the page's classes", () => {
    const html = block("Send `content`.\n\n- **one**\n- [two](/docs/api#tag-chats)");
    assert.match(
      html,
      /^<div class="space-y-2 text-zinc-700 dark:text-zinc-300"><p>Send <code class="rounded /,
    );
    assert.match(html, /<ul class="list-disc space-y-1 pl-5">\s*<li><strong>one<\/strong><\/li>/);
    assert.match(html, /<a href="\/docs\/api#tag-chats" class="text-blue-700 underline [^"]*">two<\/a>/);
    assert.doesNotMatch(html, /style=/, "the page's CSP refuses style attributes");
  });

  it("shows raw HTML as text: no script, no event handler attribute", () => {
    for (const render of [block, inline]) {
      const html = render('Hi <script>alert(1)</script> <img src="x" onerror="alert(2)"> there');
      assert.doesNotMatch(html, /<script|<img/);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    }
  });

  it("drops javascript: and data: URLs, keeping the link's text", () => {
    for (const render of [block, inline]) {
      const html = render(
        "[run](javascript:alert(1)) [see](data:text/html,<b>x</b>) [ok](https://example.com/)",
      );
      assert.doesNotMatch(html, /javascript:|data:/);
      assert.match(html, /run/);
      assert.match(html, /<a href="https:\/\/example.com\/" class="[^"]*">ok<\/a>/);
    }
  });
});

describe("InlineMarkdown", () => {
  it("renders inline Markdown with no wrapping paragraph or block", () => {
    assert.equal(
      inline("Either `a` or **b**."),
      'Either <code class="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">a</code> or <strong>b</strong>.',
    );
    assert.doesNotMatch(inline("# Title\n\n- item"), /<(p|h1|ul|li)\b/);
  });
});

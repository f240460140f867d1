import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspHash, editionHref, escapeHtml, inlineMarkdown, scriptJson } from "./html.js";

describe("html helpers", () => {
  const cases: { name: string; got: () => string; want: string }[] = [
    { name: "escapeHtml", got: () => escapeHtml(`<a href="x">'&'</a>`), want: "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;" },
    { name: "scriptJson cannot close its script", got: () => scriptJson({ a: "</script><!--", b: "\u2028" }), want: '{"a":"\\u003c/script>\\u003c!--","b":"\\u2028"}' },
    { name: "inlineMarkdown: code spans, the rest escaped", got: () => inlineMarkdown("Use `If-Match` & <b>"), want: "Use <code>If-Match</code> &amp; &lt;b&gt;" },
    { name: "inlineMarkdown: a code span cannot smuggle HTML", got: () => inlineMarkdown("`<img onerror=x>`"), want: "<code>&lt;img onerror=x&gt;</code>" },
    { name: "from English to a translation", got: () => editionHref("", "id/index.html"), want: "id/index.html" },
    { name: "from a translation to English", got: () => editionHref("id/", "sales.html"), want: "../sales.html" },
    { name: "between translations", got: () => editionHref("id/", "fr/sales.html"), want: "../fr/sales.html" },
    { name: "cspHash is the base64 SHA-256 of the text", got: () => cspHash("x"), want: `'sha256-${createHash("sha256").update("x").digest("base64")}'` },
    {
      name: "the CSP fetches nothing and runs only the hashed scripts",
      got: () => contentSecurityPolicy(["a"], "unsafe-inline"),
      want: `default-src 'none'; script-src ${cspHash("a")}; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`,
    },
  ];
  it.each(cases)("$name", ({ got, want }) => {
    expect(got()).toBe(want);
  });
});

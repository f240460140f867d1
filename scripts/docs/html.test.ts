import { describe, expect, it } from "vitest";
import { html, inlineMarkdown, join, jsonForScript, raw, type HtmlValue } from "./html.js";

describe("html: escaped unless marked raw", () => {
  const cases: { given: string; got: () => unknown; want: string }[] = [
    {
      given: "text",
      got: () => html`<p>${`<a href="x">'&'</a>`}</p>`,
      want: "<p>&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;</p>",
    },
    {
      given: "text in an attribute",
      got: () => html`<a title="${'" onclick="x'}">`,
      want: '<a title="&quot; onclick=&quot;x">',
    },
    { given: "a number", got: () => html`<b>${404}</b>`, want: "<b>404</b>" },
    { given: "raw markup", got: () => html`<p>${raw("<b>bold</b>")}</p>`, want: "<p><b>bold</b></p>" },
    {
      given: "another template: not escaped twice",
      got: () => html`<p>${html`<i>${"<&>"}</i>`}</p>`,
      want: "<p><i>&lt;&amp;&gt;</i></p>",
    },
    {
      given: "an array: joined, each item escaped",
      got: () => html`<ul>${["<a>", html`<li>b</li>`, 3]}</ul>`,
      want: "<ul>&lt;a&gt;<li>b</li>3</ul>",
    },
    { given: "nested arrays", got: () => html`${[["a", ["<"]], "b"]}`, want: "a&lt;b" },
    { given: "nothing: false, null, undefined", got: () => html`[${false}${null}${undefined}]`, want: "[]" },
    {
      given: "the template's own text: as written",
      got: () => html`<p class="x">'&'</p>`,
      want: `<p class="x">'&'</p>`,
    },
    { given: "join with a separator", got: () => join(["<a>", html`<b></b>`], "\n"), want: "&lt;a&gt;\n<b></b>" },
  ];
  it.each(cases)("$given", ({ got, want }) => {
    expect(String(got())).toBe(want);
  });

  it("is Html, a string only when asked", () => {
    const value: HtmlValue = html`<p>${"x"}</p>`;
    expect(typeof value).toBe("object");
    expect(`${value}`).toBe("<p>x</p>");
  });
});

describe("jsonForScript and inlineMarkdown", () => {
  const cases: { given: string; got: () => unknown; want: string }[] = [
    {
      given: "JSON that would close its script",
      got: () => jsonForScript({ a: "</script><!--", b: "\u2028" }),
      want: '{"a":"\\u003c/script>\\u003c!--","b":"\\u2028"}',
    },
    {
      given: "Markdown: code spans, the rest escaped",
      got: () => inlineMarkdown("Use `If-Match` & <b>"),
      want: "Use <code>If-Match</code> &amp; &lt;b&gt;",
    },
    {
      given: "Markdown: a code span cannot smuggle HTML",
      got: () => inlineMarkdown("`<img onerror=x>`"),
      want: "<code>&lt;img onerror=x&gt;</code>",
    },
    { given: "Markdown: an unclosed backtick stays text", got: () => inlineMarkdown("a ` b"), want: "a ` b" },
  ];
  it.each(cases)("$given", ({ got, want }) => {
    expect(String(got())).toBe(want);
  });
});

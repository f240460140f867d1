import { describe, expect, it } from "vitest";
import { inertMarkdown, removedLink } from "./sanitize.js";

describe("inertMarkdown", () => {
  const cases: { name: string; given: string; want: string }[] = [
    { name: "plain text", given: "The message `text` is too long.", want: "The message `text` is too long." },
    { name: "a script element", given: "a <script>alert(1)</script> b", want: "a \\<script>alert(1)\\</script> b" },
    { name: "an event handler", given: '<img src="x" onerror="alert(1)">', want: '\\<img src="x" onerror="alert(1)">' },
    { name: "an HTML comment", given: "<!-- x -->", want: "\\<!-- x -->" },
    { name: "comparisons", given: "a < b and 6 <= 7 and 1<2", want: "a < b and 6 <= 7 and 1<2" },
    { name: "an https autolink", given: "see <https://example.com/a?b=1>", want: "see <https://example.com/a?b=1>" },
    { name: "an already escaped tag", given: "\\<b>", want: "\\<b>" },
    { name: "an escaped backslash before a tag", given: "\\\\<b>", want: "\\\\\\<b>" },
    { name: "HTML in a code span", given: "use `<script>` here", want: "use `<script>` here" },
    { name: "HTML in a double-backtick span", given: "``a ` <b> ``", want: "``a ` <b> ``" },
    { name: "an unclosed backtick", given: "a ` <b>", want: "a ` \\<b>" },
    {
      name: "HTML in a fenced block",
      given: "x\n```html\n<script>1</script>\n```\n<b>",
      want: "x\n```html\n<script>1</script>\n```\n\\<b>",
    },
    { name: "a safe link", given: "[docs](https://example.com/x_(y))", want: "[docs](https://example.com/x_(y))" },
    { name: "a javascript: link", given: "[x](javascript:alert(1)) after", want: `[x](${removedLink}) after` },
    { name: "a link with a title", given: '[x](javascript:alert(1) "t")', want: `[x](${removedLink} "t")` },
    { name: "a mixed-case scheme", given: "[x](JaVaScRiPt:alert(1))", want: `[x](${removedLink})` },
    { name: "an entity-encoded scheme", given: "[x](&#106;avascript&#58;alert(1))", want: `[x](${removedLink})` },
    { name: "an escaped colon", given: "[x](javascript\\:alert(1))", want: `[x](${removedLink})` },
    { name: "a bracketed target", given: "[x](<javascript:alert(1)>)", want: `[x](${removedLink})` },
    { name: "a data: link", given: "[x](data:text/html,<script>1</script>)", want: `[x](${removedLink})` },
    {
      name: "a reference definition",
      given: "[x][1]\n\n[1]: javascript:alert(1)",
      want: `[x][1]\n\n[1]: ${removedLink}`,
    },
    { name: "a safe reference definition", given: "[1]: https://example.com", want: "[1]: https://example.com" },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(inertMarkdown(given)).toBe(want);
  });
});

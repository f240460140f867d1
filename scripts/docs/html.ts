/**
 * HTML built from templates that escape by default: every value put into `html\`…\`` is
 * escaped for text and quoted attribute values, unless it is HTML already (the result of
 * another `html\`…\``, or text explicitly marked with `raw`). Arrays are joined.
 */

/** Markup that is safe to put into a page as it is. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** What a template takes: text (escaped), numbers, HTML, nothing (`false`, `null`, `undefined`), or a list of these. */
export type HtmlValue = string | number | Html | false | null | undefined | readonly HtmlValue[];

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text for HTML content and quoted attribute values. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  return "";
}

/** Markup from a template: the template's own text as it is, every value escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new Html(markup);
}

/** Marks markup the caller built safely itself (a trusted script, Redoc's page) so that it is not escaped. */
export const raw = (markup: string) => new Html(markup);

/** The values, escaped as in a template, with `separator` (markup) between them. */
export const join = (values: readonly HtmlValue[], separator: string) => raw(values.map(render).join(separator));

/** JSON to embed in a `<script>` (not HTML-escaped: `<` escaped so that no text can close the element). */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** Description Markdown for a landing-page cell: escaped text, with `code spans` as `<code>`. */
export const inlineMarkdown = (text: string) =>
  html`${text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;

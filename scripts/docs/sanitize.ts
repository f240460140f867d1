/**
 * Descriptions are untrusted text: a spec under review may carry `<script>`, `onerror=` or a
 * `javascript:` link. Redoc's own `sanitize` option cannot run in `redocly build-docs` (its
 * server-side render stops with "linkedom is not available in browser bundles"), so the docs
 * build makes the Markdown inert before Redoc sees it: raw HTML is shown as text, and a link
 * to a script scheme goes nowhere. Code spans and fenced code blocks are left as written.
 */

/** Where a link to one of these schemes points after cleaning. */
export const removedLink = "#unsafe-link-removed";
const unsafeScheme = /^(?:javascript|vbscript|data|file|blob):/i;
/** Autolinks that stay links: `<https://example.com>`, `<mailto:a@example.com>`. */
const safeAutolink = /^<(?:https?:\/\/|mailto:)[^\s<>]*>/i;

/** A link target as the browser will read it: entities and escapes decoded, blanks and controls dropped. */
function decodeTarget(target: string): string {
  return (
    target
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&colon;/gi, ":")
      .replace(/&(?:tab|newline);/gi, "")
      .replace(/\\(.)/g, "$1")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips from a URL
      .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
  );
}

/** The end of an inline link's target that starts at `start`: `<…>`, or up to an unbalanced `)` or a blank. */
function targetEnd(text: string, start: number): number {
  if (text[start] === "<") {
    const close = text.indexOf(">", start);
    return close < 0 ? text.length : close + 1;
  }
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") i++;
    else if (/\s/.test(c)) break;
    else if (c === "(") depth++;
    else if (c === ")" && depth-- === 0) break;
  }
  return i;
}

/** Inline link targets `](…)` and reference definitions `[id]: …` that point to a script scheme. */
function disarmLinks(text: string): string {
  const unsafe = (target: string) => unsafeScheme.test(decodeTarget(target.replace(/^<|>$/g, "")));
  let out = "";
  let last = 0;
  for (const open of text.matchAll(/\]\(\s*/g)) {
    const start = open.index + open[0].length;
    if (start < last) continue;
    const end = targetEnd(text, start);
    if (unsafe(text.slice(start, end))) {
      out += text.slice(last, start) + removedLink;
      last = end;
    }
  }
  out += text.slice(last);
  const definition = /^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S+)/gm;
  return out.replace(definition, (whole, lead: string, target: string) =>
    unsafe(target) ? lead + removedLink : whole,
  );
}

/** Markdown's raw HTML shown as text: `<` that would open a tag, comment or declaration gets a backslash. */
function escapeHtmlInMarkdown(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "<" && /[A-Za-z!?/]/.test(text[i + 1] ?? "") && !safeAutolink.test(text.slice(i))) {
      let slashes = 0;
      for (let j = i - 1; j >= 0 && text[j] === "\\"; j--) slashes++;
      if (slashes % 2 === 0) out += "\\";
    }
    out += c;
  }
  return out;
}

/** Splits Markdown into code (fenced blocks, code spans: left alone) and text (cleaned). */
function segments(markdown: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  const lines = markdown.split(/(?<=\n)/);
  let prose = "";
  let fence: string | undefined;
  let block = "";
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      block = line;
      out.push(...spans(prose));
      prose = "";
    } else if (fence !== undefined) {
      block += line;
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        out.push({ code: true, text: block });
        fence = undefined;
      }
    } else {
      prose += line;
    }
  }
  if (fence !== undefined) out.push({ code: true, text: block });
  out.push(...spans(prose));
  return out;
}

/** Code spans: a run of backticks up to the next run of the same length. */
function spans(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let last = 0;
  const opener = /`+/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const ticks = m[0];
    const closer = new RegExp(`(?<!\`)${ticks}(?!\`)`, "g");
    closer.lastIndex = m.index + ticks.length;
    const end = closer.exec(text);
    if (!end) continue;
    const close = end.index + ticks.length;
    out.push({ code: false, text: text.slice(last, m.index) }, { code: true, text: text.slice(m.index, close) });
    last = close;
    opener.lastIndex = last;
  }
  out.push({ code: false, text: text.slice(last) });
  return out.filter((s) => s.text !== "");
}

/** Markdown with its raw HTML shown as text and its script links disarmed. */
export function inertMarkdown(markdown: string): string {
  return segments(markdown)
    .map((s) => (s.code ? s.text : escapeHtmlInMarkdown(disarmLinks(s.text))))
    .join("");
}

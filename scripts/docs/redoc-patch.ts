import { html, jsonForScript } from "./html.js";
import type { Json } from "./json.js";
import type { Edit } from "./splice.js";

/*
 * Changes to the page `redocly build-docs` renders: Redoc's logo served from the page, its
 * labels in another language, and the page of one API made from Redoc's page of the same API
 * in another language.
 */

/** Redoc's "API docs by Redocly" logo is fetched from its CDN: served from the page instead. */
const svg = (width: number, text: string) =>
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
      '<text x="0" y="11" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="12"' +
      ` font-weight="600" fill="#3d4a5c">${text}</text></svg>`,
  );
export const cdnLogos: [string, string][] = [
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", svg(54, "Redocly")],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", svg(10, "R")],
];

/** Redoc's default `translate` hook, which returns the English default of every label. */
const defaultTranslate =
  /useTranslate:\(\)=>\(\{translate:\((\w+),(\w+)\)=>\(typeof \2==`string`\?\2:\2\?\.defaultValue\)\|\|\1\|\|``\}\)/g;

/** Redoc's script, the last module script of its page. */
const moduleTag = '<script type="module">';

/**
 * Removes Redoc's server-side render: the page then renders in the browser. Needed where the
 * render would not match what the browser renders (translated labels, a swapped definition).
 */
export function clearServerRender(html: string): Edit | undefined {
  const redocStart = html.indexOf('<div id="redoc">');
  const moduleStart = html.lastIndexOf(moduleTag);
  if (redocStart < 0 || moduleStart < redocStart) return undefined;
  return { start: redocStart, end: moduleStart, text: '<div id="redoc"></div>\n      ' };
}

/**
 * Makes Redoc show `labels` (by its translation keys) instead of its English labels, and
 * renders the page in the browser (the server-side render has the English labels baked in).
 * Returns undefined when this Redoc has no translate hook the build knows.
 */
export function useLabels(html: string, labels: Record<string, string>): Edit[] | undefined {
  const hooks = [...html.matchAll(defaultTranslate)];
  const clear = clearServerRender(html);
  if (hooks.length !== 1 || !clear) return undefined;
  const [hook] = hooks as [RegExpExecArray];
  const [found, key, options] = hook;
  const translate =
    `useTranslate:()=>({translate:(${key},${options})=>(${key}&&globalThis.__errorContractsLabels?.[${key}])` +
    `||(typeof ${options}==\`string\`?${options}:${options}?.defaultValue)||${key}||\`\`})`;
  // The labels open the page's first module script once the render is cleared.
  const first = html.indexOf(moduleTag);
  const setLabels = (first >= 0 && first < clear.start ? first : clear.end) + moduleTag.length;
  return [
    { start: hook.index, end: hook.index + found.length, text: translate },
    clear,
    { start: setLabels, end: setLabels, text: `\nglobalThis.__errorContractsLabels = ${jsonForScript(labels)};` },
  ];
}

/** The API as `redocly build-docs` embeds it in the page (`__redoc_definition`). */
const embedded = (doc: Json) => jsonForScript(doc);

/** The first match of `pattern` in `text` before `end`, replaced by `text`. */
function firstBefore(html: string, end: number, pattern: RegExp, text: string): Edit[] {
  const found = pattern.exec(html.slice(0, end));
  return found ? [{ start: found.index, end: found.index + found[0].length, text }] : [];
}

/**
 * The page of `doc` made from Redoc's page of `base` (the same API in another language):
 * Redoc's script and styles are the same, only the API differs. Returns undefined unless the
 * page embeds `base` exactly as the build would, so that nothing else can differ.
 */
export function swapDefinition(raw: string, base: Json, doc: Json, lang: string): Edit[] | undefined {
  const marker = "const __redoc_definition = ";
  const start = raw.indexOf(marker);
  const end = start < 0 ? -1 : raw.indexOf(";\n", start);
  if (end < 0 || raw.slice(start + marker.length, end) !== embedded(base)) return undefined;
  const clear = clearServerRender(raw);
  if (!clear) return undefined;
  const title = (doc.info as { title?: unknown } | undefined)?.title;
  return [
    { start: start + marker.length, end, text: embedded(doc) },
    clear,
    ...firstBefore(raw, clear.start, /<html lang="[^"]*">/, String(html`<html lang="${lang}">`)),
    ...firstBefore(
      raw,
      clear.start,
      /<title>[^<]*<\/title>/,
      String(html`<title>${typeof title === "string" ? title : ""}</title>`),
    ),
  ];
}

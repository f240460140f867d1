import fs from "node:fs/promises";
import { htmlHeader } from "../core/do-not-edit.js";
import type { DocsRenderer } from "./build-docs-renderer.js";
import { contentSecurityPolicy, cspMeta } from "./csp.js";
import type { Html } from "./html.js";
import type { Json } from "./json.js";
import { keepHashScript } from "./nav.js";
import { cdnLogos, swapDefinition, useLabels } from "./redoc-patch.js";
import { type Edit, removed, splice } from "./splice.js";

/** Redoc's color-mode bootstrap, which its server-side render puts in the page. */
const colorModeScript =
  'try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")' +
  'm=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";' +
  "document.documentElement.classList.add(m)}catch(e){}";

const scriptTag = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;

/** The scripts of `text`: where each one's content starts and ends, and its attributes. */
const scriptsIn = (text: string) =>
  [...text.matchAll(scriptTag)].map((m) => {
    const start = m.index + "<script>".length + (m[1]?.length ?? 0);
    return { start, end: start + m[2]!.length, attributes: m[1] };
  });

/**
 * Finishes a page `redocly build-docs` rendered with `reference.hbs`: the bar, Redoc's logo
 * from the page instead of its CDN, the labels of its language, and a Content-Security-Policy
 * that lets only the page's own scripts run. `edits` change the rendered page first (another
 * language's page made from it: `swapDefinition`). Every edit is found in the rendered page as
 * it is, none in the text another edit brings (the API's own texts), and all are made in one
 * pass (`splice`): the finished page's pieces, in order.
 */
export function finishReferencePage(
  rendered: string,
  options: { header: string; nav: Html; labels?: Record<string, string> | undefined; edits?: Edit[] | undefined },
): { parts: string[]; labelsApplied: boolean } {
  const head = rendered.indexOf("<!-- error-contracts:head -->");
  const navAt = rendered.indexOf("<!-- error-contracts:nav -->");
  if (head < 0 || navAt < 0) throw new Error("the reference page was not rendered with reference.hbs");
  const edits: Edit[] = [...(options.edits ?? [])];
  for (const [url, local] of cdnLogos) {
    for (let at = rendered.indexOf(url); at >= 0; at = rendered.indexOf(url, at + url.length)) {
      edits.push({ start: at, end: at + url.length, text: local });
    }
  }
  const labelled = options.labels && useLabels(rendered, options.labels);
  if (labelled) edits.push(...labelled);
  const nav = String(options.nav);
  edits.push({ start: navAt, end: navAt + "<!-- error-contracts:nav -->".length, text: nav });
  // The finished page's scripts, in its order: the rendered page's that stay, with the bar's in its place.
  const scripts = [
    ...scriptsIn(rendered)
      .filter((script) => !removed(edits, script.start, script.end))
      .map(({ start, end, attributes }) => ({ at: start, attributes, content: splice(rendered, edits, start, end) })),
    ...scriptsIn(nav).map(({ start, end, attributes }) => ({
      at: navAt,
      attributes,
      content: [nav.slice(start, end)],
    })),
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ attributes, content }) => ({ attributes, content: content.join("") }));
  const redocScript = scripts.filter((s) => s.attributes === ' type="module"').at(-1)?.content;
  if (redocScript === undefined) throw new Error("the reference page has no Redoc script");
  const ours = scripts.map((s) => s.content).filter((s) => s === colorModeScript || s === keepHashScript);
  const policy = contentSecurityPolicy([...new Set([redocScript, ...ours])], "unsafe-inline");
  edits.push({ start: head, end: head + "<!-- error-contracts:head -->".length, text: String(cspMeta(policy)) });
  return { parts: [options.header, ...splice(rendered, edits)], labelsApplied: labelled !== undefined };
}

export interface ReferencePage {
  /** The API to render (a `docsBundle`). */
  doc: Json;
  outFile: string;
  lang: string;
  /** The source named in the do-not-edit line. */
  source: string;
  /** What renders Redoc's page (`openDocsRenderer`). */
  renderer: DocsRenderer;
  nav: Html;
  /** Redoc's labels in the page's language (none for English). */
  labels?: Record<string, string>;
  /** Redoc's page of the same API in another language, to make this one from (`swapDefinition`). */
  base?: { raw: string; doc: Json };
}

/**
 * One self-contained reference page: Redoc's page (from `redocly build-docs`, or made from
 * the page of the same API in another language), finished by `finishReferencePage`.
 * Returns the page Redoc rendered, to make the other languages from.
 */
export async function renderReferencePage(
  page: ReferencePage,
): Promise<{ raw: string; labelsApplied: boolean; derived: boolean }> {
  const swap = page.base && swapDefinition(page.base.raw, page.base.doc, page.doc, page.lang);
  const raw = swap ? page.base!.raw : await page.renderer.render(page);
  const finished = finishReferencePage(raw, {
    header: htmlHeader(page.source),
    nav: page.nav,
    labels: page.labels,
    edits: swap,
  });
  await fs.writeFile(page.outFile, finished.parts);
  return { raw, labelsApplied: finished.labelsApplied, derived: swap !== undefined };
}

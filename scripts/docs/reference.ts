import fs from "node:fs/promises";
import { htmlHeader } from "../core/do-not-edit.js";
import type { DocsRenderer } from "./build-docs-renderer.js";
import { contentSecurityPolicy, cspMeta } from "./csp.js";
import type { Html } from "./html.js";
import type { Json } from "./json.js";
import { keepHashScript } from "./nav.js";
import { cdnLogos, swapDefinition, useLabels } from "./redoc-patch.js";

/** Redoc's color-mode bootstrap, which its server-side render puts in the page. */
const colorModeScript =
  'try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")' +
  'm=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";' +
  "document.documentElement.classList.add(m)}catch(e){}";

/**
 * Finishes a page `redocly build-docs` rendered with `reference.hbs`: the bar, Redoc's logo
 * from the page instead of its CDN, the labels of its language, and a Content-Security-Policy
 * that lets only the page's own scripts run.
 */
export function finishReferencePage(
  rendered: string,
  options: { header: string; nav: Html; labels?: Record<string, string> | undefined },
): { html: string; labelsApplied: boolean } {
  if (!rendered.includes("<!-- error-contracts:head -->") || !rendered.includes("<!-- error-contracts:nav -->")) {
    throw new Error("the reference page was not rendered with reference.hbs");
  }
  let page = rendered;
  for (const [url, local] of cdnLogos) page = page.split(url).join(local);
  let labelsApplied = false;
  if (options.labels) {
    const labelled = useLabels(page, options.labels);
    if (labelled) [page, labelsApplied] = [labelled, true];
  }
  page = page.replace("<!-- error-contracts:nav -->", () => String(options.nav));
  const scripts = [...page.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)];
  const redocScript = scripts.filter((m) => m[1] === ' type="module"').at(-1)?.[2];
  if (redocScript === undefined) throw new Error("the reference page has no Redoc script");
  const ours = scripts.map((m) => m[2]!).filter((s) => s === colorModeScript || s === keepHashScript);
  const trusted = [redocScript, ...ours];
  const policy = contentSecurityPolicy([...new Set(trusted)], "unsafe-inline");
  page = page.replace("<!-- error-contracts:head -->", () => String(cspMeta(policy)));
  return { html: options.header + page, labelsApplied };
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
 * Returns Redoc's page, to make the other languages from.
 */
export async function renderReferencePage(
  page: ReferencePage,
): Promise<{ raw: string; labelsApplied: boolean; derived: boolean }> {
  const derived = page.base ? swapDefinition(page.base.raw, page.base.doc, page.doc, page.lang) : undefined;
  const raw = derived ?? (await page.renderer.render(page));
  const finished = finishReferencePage(raw, { header: htmlHeader(page.source), nav: page.nav, labels: page.labels });
  await fs.writeFile(page.outFile, finished.html);
  return { raw, labelsApplied: finished.labelsApplied, derived: derived !== undefined };
}

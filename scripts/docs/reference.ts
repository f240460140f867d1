import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { runNode, untilDone } from "../core/lifetime.js";
import type { Catalog } from "./catalog.js";
import { htmlHeader } from "../build/header.js";
import { contentSecurityPolicy, cspMeta, escapeHtml, scriptJson } from "./html.js";
import { inertMarkdown } from "./sanitize.js";
import { proseOf } from "./prose.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const redoclyCli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
const template = path.join(path.dirname(fileURLToPath(import.meta.url)), "assets", "reference.hbs");

/** The bar above each reference page (`ui.page.*`), in English. */
export const pageText: Record<string, string> = {
  "ui.page.catalog": "Error catalog",
  "ui.page.apis": "APIs",
  "ui.page.language": "Language",
};

/**
 * Redoc's UI labels, by Redoc's own translation keys, with the English it shows (Redoc 3.0.1).
 * Redoc has no option for them: the build passes them to its `translate` hook (see `useLabels`).
 */
export const redocLabels: Record<string, string> = {
  loading: "Loading...",
  "search.navbar.label": "Search ",
  "search.searchItem.deprecated": "Deprecated",
  "search.searchItem.enum": "Enum",
  "search.searchItem.example": "Example",
  "sidebar.actions.hide": "Hide sidebar",
  "sidebar.actions.changeToSingleColumn": "Switch to single column",
  "sidebar.actions.changeToTwoColumns": "Switch to two columns",
  "sidebar.actions.singleColumn": "Single column",
  "sidebar.actions.twoColumns": "Two columns",
  "info.title": "Overview",
  "info.license": "License",
  "servers.title": "Servers",
  variable: "variable",
  variables: "variables",
  "actions.show": "Show",
  "actions.hide": "Hide",
  "actions.more": "more",
  default: "Default",
  "page.actions.copyButtonText": "Copy",
  "page.actions.copyTitle": "Copy for LLM",
  "page.actions.copyDescription": "Copy page as YAML for LLMs",
  "badges.deprecated": "deprecated",
  operations: "Operations",
  request: "Request",
  security: "Security",
  viewSecurityDetails: "View security details",
  path: "Path",
  query: "Query",
  header: "Headers",
  body: "Body",
  required: "required",
  noRequestPayload: "No request payload",
  responses: "Responses",
  response: "Response",
  contentType: "Response media type",
  noResponseExample: "No response sample",
  noResponseContent: "No content",
  example: "Example",
  examples: "Examples",
  property: "property",
  properties: "properties",
  additionalProperties: "additional property",
  array: "array",
  recursive: "Recursive",
  "openapi.expandAll": "Expand all",
  "openapi.collapseAll": "Collapse all",
  "openapi.showPattern": "Show pattern",
  "openapi.hidePattern": "Hide pattern",
  "discriminator.defaultMapping": "Default mapping",
  "codeSnippet.copy.buttonText": "Copied!",
  "codeSnippet.copy.tooltipText": "Copy to clipboard",
  "codeSnippet.expand.tooltipText": "Expand all",
  "codeSnippet.collapse.tooltipText": "Collapse all",
  "codeSnippet.report.buttonText": "Report",
  "codeSnippet.report.tooltipText": "Report a problem",
  "codeSnippet.report.label": "What is wrong with this code?",
  "button.email.tooltipText": "Send email",
};

/**
 * The copy of a bundled API that Redoc renders: each catalog example's label starts with its
 * code (`30011 · Message text too long`, in the response's example list), and every text Redoc
 * renders as Markdown is inert (no raw HTML, no script links). The bundle itself is untouched.
 */
export function docsBundle(apiId: string, doc: Json, catalog: Catalog): Json {
  const copy = structuredClone(doc);
  for (const field of proseOf(apiId, copy, () => true)) {
    // Redoc renders descriptions and the API's summary as Markdown; other titles and summaries as text.
    const markdown = field.path?.at(-1) === "description" || field.path?.join("/") === "info/summary";
    if (!field.path || !markdown) continue;
    let node: unknown = copy;
    for (const step of field.path.slice(0, -1)) node = (node as Json)[step as string];
    (node as Json)[field.path.at(-1) as string] = inertMarkdown(field.en);
  }
  const examples = ((copy.components as Json | undefined)?.examples ?? {}) as Json;
  for (const family of catalog.families) {
    for (const error of family.errors) {
      const example = examples[error.example] as Json | undefined;
      if (example) example.summary = `${error.code} · ${typeof example.summary === "string" ? example.summary : error.message}`;
    }
  }
  return copy;
}

/** Redoc's color-mode bootstrap, which its server-side render puts in the page. */
const colorModeScript = `try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")m=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.add(m)}catch(e){}`;

/** Redoc's "API docs by Redocly" logo is fetched from its CDN: served from the page instead. */
const svg = (width: number, text: string) =>
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14"><text x="0" y="11" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="12" font-weight="600" fill="#3d4a5c">${text}</text></svg>`,
  );
const cdnLogos: [string, string][] = [
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", svg(54, "Redocly")],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", svg(10, "R")],
];

/** Redoc's default `translate` hook, which returns the English default of every label. */
const defaultTranslate = /useTranslate:\(\)=>\(\{translate:\((\w+),(\w+)\)=>\(typeof \2==`string`\?\2:\2\?\.defaultValue\)\|\|\1\|\|``\}\)/g;

/**
 * Removes Redoc's server-side render: the page then renders in the browser. Needed where the
 * render would not match what the browser renders (translated labels, a swapped definition).
 */
export function clearServerRender(html: string): string | undefined {
  const redocStart = html.indexOf('<div id="redoc">');
  const moduleStart = html.lastIndexOf('<script type="module">');
  if (redocStart < 0 || moduleStart < redocStart) return undefined;
  return `${html.slice(0, redocStart)}<div id="redoc"></div>\n      ${html.slice(moduleStart)}`;
}

/**
 * Makes Redoc show `labels` (by its translation keys) instead of its English labels, and
 * renders the page in the browser (the server-side render has the English labels baked in).
 * Returns undefined when this Redoc has no translate hook the build knows.
 */
export function useLabels(html: string, labels: Record<string, string>): string | undefined {
  if ([...html.matchAll(defaultTranslate)].length !== 1) return undefined;
  const patched = clearServerRender(
    html.replace(
      defaultTranslate,
      (_, key: string, options: string) =>
        `useTranslate:()=>({translate:(${key},${options})=>(${key}&&globalThis.__errorContractsLabels?.[${key}])||(typeof ${options}==\`string\`?${options}:${options}?.defaultValue)||${key}||\`\`})`,
    ),
  );
  return patched?.replace('<script type="module">', () => `<script type="module">\nglobalThis.__errorContractsLabels = ${scriptJson(labels)};`);
}

/** The API as `redocly build-docs` embeds it in the page (`__redoc_definition`). */
const embedded = (doc: Json) => scriptJson(doc);

/**
 * The page of `doc` made from Redoc's page of `base` (the same API in another language):
 * Redoc's script and styles are the same, only the API differs. Returns undefined unless the
 * page embeds `base` exactly as the build would, so that nothing else can differ.
 */
export function swapDefinition(raw: string, base: Json, doc: Json, lang: string): string | undefined {
  const marker = "const __redoc_definition = ";
  const start = raw.indexOf(marker);
  const end = start < 0 ? -1 : raw.indexOf(";\n", start);
  if (end < 0 || raw.slice(start + marker.length, end) !== embedded(base)) return undefined;
  const swapped = clearServerRender(raw.slice(0, start + marker.length) + embedded(doc) + raw.slice(end));
  const title = typeof (doc.info as { title?: unknown } | undefined)?.title === "string" ? String((doc.info as { title: string }).title) : "";
  return swapped
    ?.replace(/<html lang="[^"]*">/, () => `<html lang="${escapeHtml(lang)}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`);
}

/** The bar above a reference page: the catalog, every API, the languages. */
export interface PageNav {
  catalogHref: string;
  text: (key: string) => string;
  apis: { id: string; label: string; href: string; current: boolean }[];
  languages: { lang: string; label: string; href: string; current: boolean }[];
}

/** Keeps the reader's place (the part after `#`) when switching language. */
export const keepHashScript = `for (const a of document.querySelectorAll("a[data-keep-hash]")) a.addEventListener("click", () => { a.href = a.href.split("#")[0] + location.hash; });`;

export function renderNav(nav: PageNav): string {
  const link = (href: string, label: string, current: boolean, extra = "") =>
    `<a href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ""}${extra}>${escapeHtml(label)}</a>`;
  return `<header class="ec-bar">
    ${link(nav.catalogHref, `← ${nav.text("ui.page.catalog")}`, false, ' class="ec-home"')}
    <nav class="ec-apis" aria-label="${escapeHtml(nav.text("ui.page.apis"))}">${nav.apis.map((api) => link(api.href, api.label, api.current)).join("")}</nav>
    <nav class="ec-langs" aria-label="${escapeHtml(nav.text("ui.page.language"))}">${nav.languages
      .map((l) => link(l.href, l.label, l.current, ` hreflang="${escapeHtml(l.lang)}" lang="${escapeHtml(l.lang)}" data-keep-hash`))
      .join("")}</nav>
  </header>
  <script>${keepHashScript}</script>`;
}

/**
 * Finishes a page `redocly build-docs` rendered with `reference.hbs`: the bar, Redoc's logo
 * from the page instead of its CDN, the labels of its language, and a Content-Security-Policy
 * that lets only the page's own scripts run.
 */
export function finishReferencePage(html: string, options: { header: string; nav: string; labels?: Record<string, string> }): { html: string; labelsApplied: boolean } {
  if (!html.includes("<!-- error-contracts:head -->") || !html.includes("<!-- error-contracts:nav -->")) {
    throw new Error("the reference page was not rendered with reference.hbs");
  }
  let page = html;
  for (const [url, local] of cdnLogos) page = page.split(url).join(local);
  let labelsApplied = false;
  if (options.labels) {
    const labelled = useLabels(page, options.labels);
    if (labelled) [page, labelsApplied] = [labelled, true];
  }
  page = page.replace("<!-- error-contracts:nav -->", () => options.nav);
  const scripts = [...page.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)];
  const redocScript = scripts.filter((m) => m[1] === ' type="module"').at(-1)?.[2];
  if (redocScript === undefined) throw new Error("the reference page has no Redoc script");
  const trusted = [redocScript, ...scripts.map((m) => m[2]!).filter((s) => s === colorModeScript || s === keepHashScript)];
  const policy = contentSecurityPolicy([...new Set(trusted)], "unsafe-inline");
  page = page.replace("<!-- error-contracts:head -->", () => cspMeta(policy));
  return { html: options.header + page, labelsApplied };
}

/**
 * Redoc's options: the `openapi` section of the Redocly configuration, and unless it says
 * otherwise, example bodies expanded to every level (an inner code sits three levels deep).
 */
export async function redocOptions(configPath: string): Promise<Record<string, unknown>> {
  const config = parse(await fs.readFile(configPath, "utf8")) as { openapi?: unknown } | null;
  const own = config && typeof config.openapi === "object" && config.openapi !== null ? (config.openapi as Record<string, unknown>) : {};
  return { jsonSamplesExpandLevel: "all", ...own };
}

export interface ReferencePage {
  /** The API to render (a `docsBundle`). */
  doc: Json;
  outFile: string;
  lang: string;
  /** The source named in the do-not-edit line. */
  source: string;
  redoclyConfig: string;
  nav: string;
  /** Redoc's labels in the page's language (none for English). */
  labels?: Record<string, string>;
  /** Redoc's page of the same API in another language, to make this one from (`swapDefinition`). */
  base?: { raw: string; doc: Json };
}

/** `redocly build-docs --inlineBundle` (Redoc's script in the page, nothing from a CDN), telemetry off. */
async function buildDocs(page: ReferencePage): Promise<string> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "error-contracts-docs-"));
  const done = untilDone(() => rmSync(work, { recursive: true, force: true }));
  try {
    const input = path.join(work, "openapi.json");
    const output = path.join(work, "page.html");
    await fs.writeFile(input, JSON.stringify(page.doc));
    const args = [
      "build-docs", input, "--inlineBundle", "--output", output, "--config", page.redoclyConfig,
      "--lint-config", "off", "--template", template, "--templateOptions.lang", page.lang,
      "--openapi", JSON.stringify(await redocOptions(page.redoclyConfig)),
    ];
    try {
      await runNode(redoclyCli, args, {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const output = String((error as { stderr?: string }).stderr ?? "") + String((error as { stdout?: string }).stdout ?? "");
      const last = output.split("\n").map((l) => l.trim()).filter((l) => l && !/[║╔╚]/.test(l)).pop();
      throw new Error(`redocly build-docs failed on ${page.source}: ${last ?? "no output"}`);
    }
    return await fs.readFile(output, "utf8");
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    done();
  }
}

/**
 * One self-contained reference page: Redoc's page (from `redocly build-docs`, or made from
 * the page of the same API in another language), finished by `finishReferencePage`.
 * Returns Redoc's page, to make the other languages from.
 */
export async function renderReferencePage(page: ReferencePage): Promise<{ raw: string; labelsApplied: boolean; derived: boolean }> {
  const derived = page.base ? swapDefinition(page.base.raw, page.base.doc, page.doc, page.lang) : undefined;
  const raw = derived ?? (await buildDocs(page));
  const finished = finishReferencePage(raw, { header: htmlHeader(page.source), nav: page.nav, labels: page.labels });
  await fs.writeFile(page.outFile, finished.html);
  return { raw, labelsApplied: finished.labelsApplied, derived: derived !== undefined };
}

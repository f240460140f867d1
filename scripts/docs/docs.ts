import fs from "node:fs/promises";
import path from "node:path";
import { codeAnchor, codeLocations } from "./anchors.js";
import type { BundledApi } from "../core/bundle.js";
import type { Catalog } from "./catalog.js";
import { editionHref } from "./html.js";
import { landingText, renderLandingPage, type LandingError } from "./landing.js";
import type { Problem } from "../build/problems.js";
import { docsBundle, pageText, redocLabels, renderNav, renderReferencePage } from "./reference.js";
import { checkTranslations, invariantsOf } from "./invariance.js";
import { catalogProse, proseOf } from "./prose.js";
import { loadTranslations } from "./translations.js";
import { translateDoc, Translator } from "./translator.js";

type Json = Record<string, unknown>;

/** One language of the docs: English at the root of `docs/`, each translation in `docs/<locale>/`. */
export interface Edition {
  lang: string;
  /** The language's own name, for the language switch. */
  language: string;
  /** The edition's folder inside `docs/`: `""` or `"id/"`. */
  dir: string;
  translator: Translator;
  /** Each API with its prose in this language. */
  docs: Map<string, Json>;
}

export interface EditionPlan {
  editions: Edition[];
  /** Translations that break the invariance rule: the build stops on them. */
  problems: Problem[];
  /** One summary per translation: `id: 431 keys, 0 missing, 0 outdated`. */
  summary: string;
  /** The keys each translation lacks, has outdated, or no longer needs: one line each. */
  details: string[];
}

/** Every UI text of the pages (landing page, reference bar, Redoc's labels) by translation key. */
const uiDefaults: Record<string, string> = {
  ...landingText,
  ...pageText,
  ...Object.fromEntries(Object.entries(redocLabels).map(([key, en]) => [`ui.redoc.${key}`, en])),
};

/**
 * Reads the translations beside the contracts (`<spec>/i18n/<locale>.yaml`) and translates
 * every text the pages will show, so that what a translation lacks is known before any page
 * is rendered. A missing or outdated translation shows the English text.
 */
export function planEditions(apis: BundledApi[], catalog: Catalog, components: Map<string, string>, i18nDir: string, displayName: (file: string) => string): EditionPlan {
  const prose = new Map(apis.map((api) => [api.id, proseOf(api.id, api.doc, (name) => components.has(name))]));
  const { locales, problems } = loadTranslations(i18nDir);
  const invariants = invariantsOf(catalog, apis.map((api) => api.doc));
  const english: Edition = { lang: "en", language: "English", dir: "", translator: new Translator(undefined), docs: new Map(apis.map((api) => [api.id, api.doc])) };
  const editions = [english];
  const summaries: string[] = [];
  const details: string[] = [];
  for (const translations of locales) {
    problems.push(...checkTranslations(translations, invariants));
    const translator = new Translator(translations);
    const docs = new Map(apis.map((api) => [api.id, translateDoc(api.doc, prose.get(api.id)!, translator)]));
    for (const field of catalogProse(catalog)) translator.text(field.key, field.en);
    for (const [key, en] of Object.entries(uiDefaults)) translator.text(key, en);
    editions.push({ lang: translations.locale, language: translations.language, dir: `${translations.locale}/`, translator, docs });
    const file = displayName(translations.file);
    const unused = translator.unused();
    summaries.push(`${translations.locale}: ${translator.used.size} keys, ${translator.missing.size} missing, ${translator.outdated.size} outdated`);
    for (const [key, en] of translator.missing) details.push(`  ${file}: missing ${key} (shown in English: "${oneLine(en)}")`);
    for (const [key, en] of translator.outdated) details.push(`  ${file}: outdated ${key}: the English text is now "${oneLine(en)}"`);
    for (const key of unused) details.push(`  ${file}: unused ${key}: no text of the contracts has this key`);
  }
  return { editions, problems, summary: summaries.join("; ") || "no translations", details };
}

const oneLine = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
};

/** Runs the tasks with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  }));
}

const apiLabel = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const info = (doc: Json) => (doc.info ?? {}) as { title?: unknown; summary?: unknown; description?: unknown };

/** The landing page of one edition: its texts looked up in the edition's language. */
function landingErrors(edition: Edition, apis: BundledApi[], catalog: Catalog): LandingError[] {
  const t = edition.translator;
  const locations = codeLocations(apis, catalog);
  return catalog.families.flatMap((family) =>
    family.errors.map((error) => {
      const anchor = codeAnchor(family.id, error.code);
      const where = locations.get(anchor);
      const message = t.text(`examples.${error.example}.message`, error.message);
      return {
        anchor,
        family: family.id,
        code: String(error.code),
        status: error.status,
        message,
        ...(message !== error.message ? { wireMessage: error.message } : {}),
        description: t.text(`examples.${error.example}.description`, error.description),
        retryable: error.retryable,
        inner: error.kind === "innerCode",
        ...(where ? { doc: { href: where.href, label: t.text(`apis.${where.api}.operations.${where.operationId}.summary`, where.summary), status: where.status } } : {}),
      };
    }),
  );
}

export interface DocsResult {
  referencePages: number;
  /** Pages `redocly build-docs` rendered; the others were made from the page of another language. */
  builtByRedocly: number;
  landingPages: number;
  /** Editions whose Redoc labels stayed English (this Redoc has no hook for them). */
  englishLabels: string[];
}

/**
 * Renders `docs/`: for each edition, one reference page per API (`redocly build-docs`) and the
 * landing page with the error matrix and the catalog.
 */
export async function renderDocs(options: {
  outDir: string;
  apis: BundledApi[];
  /** Render the reference pages of these APIs only (the others' pages are kept from the last build); landing pages always. */
  only?: Set<string>;
  catalog: Catalog;
  editions: Edition[];
  redoclyConfig: string;
  sourceName: (file: string) => string;
}): Promise<DocsResult> {
  const { apis, catalog, editions } = options;
  const englishLabels: string[] = [];
  let built = 0;
  await Promise.all(editions.map((edition) => fs.mkdir(path.join(options.outDir, edition.dir), { recursive: true })));
  // Per API: Redoc renders the first edition; the others are made from its page when they can be.
  const rendered = options.only ? apis.filter((api) => options.only!.has(api.id)) : apis;
  await pool(rendered, 2, async (api) => {
    let base: { raw: string; doc: Json } | undefined;
    for (const edition of editions) {
      const t = edition.translator;
      const ui = (key: string) => t.text(key, uiDefaults[key] ?? key);
      const nav = renderNav({
        catalogHref: "index.html",
        text: ui,
        apis: apis.map((other) => ({ id: other.id, label: apiLabel(other.id), href: `${other.id}.html`, current: other.id === api.id })),
        languages: editions.map((e) => ({ lang: e.lang, label: e.language, href: editionHref(edition.dir, `${e.dir}${api.id}.html`), current: e === edition })),
      });
      const labels = edition.lang === "en" ? undefined : Object.fromEntries(Object.keys(redocLabels).map((key) => [key, ui(`ui.redoc.${key}`)]));
      const doc = docsBundle(api.id, edition.docs.get(api.id)!, catalog);
      const result = await renderReferencePage({
        doc,
        outFile: path.join(options.outDir, edition.dir, `${api.id}.html`),
        lang: edition.lang,
        source: options.sourceName(api.root),
        redoclyConfig: options.redoclyConfig,
        nav,
        ...(labels ? { labels } : {}),
        ...(base ? { base } : {}),
      });
      if (!result.derived) built++;
      base ??= { raw: result.raw, doc };
      if (labels && !result.labelsApplied && !englishLabels.includes(edition.lang)) englishLabels.push(edition.lang);
    }
  });
  for (const edition of editions) {
    const t = edition.translator;
    const ui = (key: string) => t.text(key, uiDefaults[key] ?? key);
    const html = renderLandingPage({
      lang: edition.lang,
      text: ui,
      title: ui("ui.landing.title"),
      languages: editions.map((e) => ({ lang: e.lang, label: e.language, href: editionHref(edition.dir, `${e.dir}index.html`), current: e === edition })),
      apis: apis.map((api) => {
        const families = catalog.families.filter((family) => family.apis.includes(api.id));
        const doc = edition.docs.get(api.id)!;
        return {
          id: api.id,
          title: String(info(doc).title ?? api.id),
          summary: String(info(doc).summary ?? ""),
          href: `${api.id}.html`,
          family: families.map((f) => f.id).join(", "),
          mediaType: families[0]?.mediaType ?? "",
          codes: families.reduce((n, f) => n + f.errors.length, 0),
          statuses: families.reduce((n, f) => n + f.statuses.filter((s) => s.status >= 400).length, 0),
        };
      }),
      families: catalog.families.map((family) => ({
        id: family.id,
        statuses: family.statuses.map((s) => ({ status: s.status, meaning: t.text(`responses.${s.response}.description`, s.meaning) })),
      })),
      errors: landingErrors(edition, apis, catalog),
      source: "openapi/",
    });
    await fs.writeFile(path.join(options.outDir, edition.dir, "index.html"), html);
  }
  return { referencePages: rendered.length * editions.length, builtByRedocly: built, landingPages: editions.length, englishLabels };
}

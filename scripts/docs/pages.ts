import { mkdirSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { BundledApi } from "../core/bundle.js";
import type { Catalog } from "../core/catalog-format.js";
import { type DocsRenderer, openDocsRenderer } from "./build-docs-renderer.js";
import { docsBundle } from "./docs-bundle.js";
import { editionHref, type Edition } from "./editions.js";
import type { Json } from "./json.js";
import { renderLandingPage } from "./landing.js";
import { landingPageOf } from "./landing-content.js";
import { renderNav } from "./nav.js";
import { renderReferencePage } from "./reference.js";
import { redocLabelsIn, uiText } from "./ui-text.js";

export interface DocsResult {
  referencePages: number;
  /** Pages `redocly build-docs` rendered; the others were made from the page of another language. */
  builtByRedocly: number;
  landingPages: number;
  /** Editions whose Redoc labels stayed English (this Redoc has no hook for them). */
  englishLabels: string[];
}

export interface DocsOptions {
  outDir: string;
  apis: BundledApi[];
  /** Render the reference pages of these APIs only (the others' are kept from the last build); landing pages always. */
  only?: Set<string>;
  catalog: Catalog;
  editions: Edition[];
  redoclyConfig: string;
  sourceName: (file: string) => string;
  /** Stops the rendering: no page starts, the rendering process is killed. */
  signal?: AbortSignal;
  /**
   * Every API's pages asked for at once, so that the rendering process has them all while this one is busy with
   * other steps (a small spec); else two APIs at a time, which bounds the memory their pages take here.
   */
  atOnce?: boolean;
  /** What renders Redoc's pages (default: a renderer opened here, and closed when they are done). */
  renderer?: DocsRenderer | undefined;
}

/**
 * Runs the tasks with at most `limit` at a time. After a failure no task starts (and those running can ask
 * `failed()` to stop early), and the first failure is thrown once the tasks running have ended: nothing is
 * left writing when it returns.
 */
async function pool<T>(
  items: T[],
  limit: number,
  task: (item: T, failed: () => boolean) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined && failures.length === 0; item = queue.shift()) {
        await task(item, () => failures.length > 0).catch((error: unknown) => failures.push(error));
      }
    }),
  );
  if (failures.length > 0) throw failures[0];
}

const apiLabel = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** The bar above one API's reference page in one edition: the catalog, every API, every language. */
function navOf(api: BundledApi, edition: Edition, options: DocsOptions) {
  return renderNav({
    catalogHref: "index.html",
    text: uiText(edition.translator),
    apis: options.apis.map((other) => ({
      id: other.id,
      label: apiLabel(other.id),
      href: `${other.id}.html`,
      current: other.id === api.id,
    })),
    languages: options.editions.map((e) => ({
      lang: e.lang,
      label: e.language,
      href: editionHref(edition.dir, `${e.dir}${api.id}.html`),
      current: e === edition,
    })),
  });
}

/**
 * Renders `docs/`: for each edition, one reference page per API (`redocly build-docs`) and the
 * landing page with the error matrix and the catalog.
 */
export async function renderDocs(options: DocsOptions): Promise<DocsResult> {
  const { apis, catalog, editions } = options;
  const englishLabels: string[] = [];
  let built = 0;
  const signal = options.signal ? { signal: options.signal } : {};
  for (const edition of editions) mkdirSync(path.join(options.outDir, edition.dir), { recursive: true });
  // Per API: Redoc renders the first edition; the others are made from its page when they can be. With
  // `atOnce`, every API's first page goes to the renderer at once (nothing awaited before); it renders them in turn.
  const rendered = options.only ? apis.filter((api) => options.only!.has(api.id)) : apis;
  // No API to render (a listing changed, nothing else): no renderer started.
  const own = rendered.length > 0 && !options.renderer;
  const renderer = own ? openDocsRenderer({ redoclyConfig: options.redoclyConfig, ...signal }) : options.renderer;
  try {
    await pool(rendered, options.atOnce ? rendered.length : 2, async (api, failed) => {
      let base: { raw: string; doc: Json } | undefined;
      for (const edition of editions) {
        options.signal?.throwIfAborted();
        if (failed()) return;
        const labels = edition.lang === "en" ? undefined : redocLabelsIn(edition.translator);
        const doc = docsBundle(api.id, edition.docs.get(api.id)!, catalog);
        const result = await renderReferencePage({
          doc,
          outFile: path.join(options.outDir, edition.dir, `${api.id}.html`),
          lang: edition.lang,
          source: options.sourceName(api.root),
          renderer: renderer!,
          nav: navOf(api, edition, options),
          ...(labels ? { labels } : {}),
          ...(base ? { base } : {}),
        });
        if (!result.derived) built++;
        base ??= { raw: result.raw, doc };
        if (labels && !result.labelsApplied && !englishLabels.includes(edition.lang)) englishLabels.push(edition.lang);
      }
    });
  } finally {
    if (own) await renderer?.close();
  }
  for (const edition of editions) {
    const html = renderLandingPage(landingPageOf(edition, editions, apis, catalog));
    await fs.writeFile(path.join(options.outDir, edition.dir, "index.html"), html);
  }
  const referencePages = rendered.length * editions.length;
  return { referencePages, builtByRedocly: built, landingPages: editions.length, englishLabels };
}

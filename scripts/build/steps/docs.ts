import path from "node:path";
import type { Catalog } from "../catalog.js";
import type { BuildContext, Bundled } from "../context.js";
import { type DocsOptions, renderDocs, type EditionPlan } from "../../docs/index.js";
import type { StepResult } from "./step.js";

/**
 * docs: the reference pages (Redocly's `build-docs` in a child process: the build's `renderer` on a small spec, so
 * that other steps run meanwhile; else one of its own) and the landing pages of every edition, into `<staged>/docs`.
 */
export async function docs(
  ctx: BuildContext,
  staged: string,
  bundled: Bundled,
  catalog: Catalog,
  plan: EditionPlan,
  rendering: Pick<DocsOptions, "signal" | "atOnce" | "renderer">,
): Promise<StepResult<void>> {
  const { apis, rebuilt } = bundled;
  const only = new Set(rebuilt.map((api) => api.id));
  const outDir = path.join(staged, "docs");
  const redoclyConfig = ctx.options.redoclyConfig;
  const done = await renderDocs({
    outDir,
    apis,
    only,
    catalog,
    editions: plan.editions,
    redoclyConfig,
    sourceName: ctx.sourceName,
    ...rendering,
  });
  const languages = plan.editions.map((e) => e.lang).join(", ");
  const pages = (n: number, kind: string) => `${n} ${kind} page${n === 1 ? "" : "s"}`;
  return {
    value: undefined,
    summary: `${pages(done.referencePages, "reference")} (${done.builtByRedocly} by redocly build-docs), ${pages(done.landingPages, "landing")} (${languages})`,
    details: done.englishLabels.map(
      (lang) =>
        `  docs: Redoc's labels stay English in docs/${lang}/: this Redoc version has no translate hook the build knows`,
    ),
  };
}

import fs from "node:fs";
import { createContext, type BuildContext, type BuildOptions, type BuildResult } from "./context.js";
import { errorStatusesOf } from "../core/error-statuses.js";
import { count } from "../core/plural.js";
import { claimOutput, recoverOutput, stage, writeFiles } from "./output.js";
import { cachedWarnings, copyCached, planCache, previousManifest, recordCache, recordedOutputs } from "./plan.js";
import { warningLine, type StepResult } from "./steps/step.js";

export type { BuildOptions, BuildResult } from "./context.js";

/** Runs one step and prints its line: name, summary, time (from `started`), then its details. */
async function run<T>(
  ctx: BuildContext,
  name: string,
  step: () => StepResult<T> | Promise<StepResult<T>>,
  started = performance.now(),
): Promise<T> {
  const { value, summary, details = [] } = await step();
  ctx.log(`${name.padEnd(8)} ${summary.padEnd(44)} ${Math.round(performance.now() - started)} ms`);
  for (const line of details) ctx.log(line);
  return value;
}

/**
 * The build, as its steps: bundle each API once (Redocly), lint the bundles (Spectral), read and
 * check the catalog, write clients and server kits, check translations, then generate types while the docs render,
 * all into a staging folder that replaces the output only when every step succeeded. What did not
 * change comes from the cache (plan.ts). Bad input throws `InputRejected`.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const ctx = createContext(options);
  // Put right what an interrupted build left, then make sure this build may replace the output.
  for (const line of recoverOutput(ctx.out)) ctx.log(line);
  const previous = previousManifest(ctx);
  claimOutput(ctx.out, ctx.specDir, recordedOutputs(previous));
  const plan = planCache(ctx, previous);
  const ids = ctx.roots.map((root) => root.id);
  if (plan.upToDate) {
    const warnings = cachedWarnings(plan);
    ctx.log(
      `up to date: ${count(ids.length, "API", "APIs")}, nothing changed in ${ctx.sourceName(ctx.specDir)} (--force rebuilds)`,
    );
    for (const warning of warnings) ctx.log(warningLine(warning));
    return { apis: ids, rebuilt: [], upToDate: true, warnings };
  }
  if (plan.fresh.size > 0) {
    const rebuilding =
      plan.stale.length > 0
        ? `rebuilding ${plan.stale.map((r) => r.id).join(", ")}`
        : "a folder listing changed: checking the catalog again";
    ctx.log(`cached   ${[...plan.fresh].join(", ")} unchanged; ${rebuilding}`);
  }

  const { bundle, catalog, clients, docs, i18n, lint, server, types } = await import("./steps/index.js");
  const files = new Map<string, string>();
  const bundled = await run(ctx, "bundle", () => bundle(ctx, plan, files));
  const warnings = await run(ctx, "lint", () => lint(ctx, plan, bundled));
  const errors = await run(ctx, "catalog", () => catalog(ctx, bundled, files));
  await run(ctx, "clients", () => clients(ctx, bundled, errors, files));
  await run(ctx, "server", () => server(ctx, bundled, errors, files));
  const editions = await run(ctx, "i18n", () => i18n(ctx, bundled, errors));

  const staged = await stage(ctx.out);
  try {
    await copyCached(plan, ctx, staged.dir);
    // Docs render in `redocly build-docs` processes; types are generated here meanwhile.
    const docsStarted = performance.now();
    const rendering = options.docs === false ? undefined : docs(ctx, staged.dir, bundled, errors, editions);
    try {
      await run(ctx, "types", () => types(ctx, bundled, errors, files));
      await writeFiles(staged.dir, files);
    } finally {
      await rendering?.catch(() => {}); // nothing is left writing into the staging folder
    }
    if (rendering) await run(ctx, "docs", () => rendering, docsStarted);
    await fs.promises.chmod(staged.dir, 0o755);
    const record = recordCache(plan, ctx, staged.dir, bundled.apis, warnings);
    await staged.commit();
    record();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  const errorStatuses = errorStatusesOf(bundled.apis.map((api) => api.doc)).size;
  return {
    apis: ids,
    rebuilt: bundled.rebuilt.map((api) => api.id),
    upToDate: false,
    catalog: errors,
    errorStatuses,
    warnings,
  };
}

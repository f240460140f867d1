import fs from "node:fs";
import type { Catalog } from "./catalog.js";
import { createContext, type BuildContext, type BuildOptions, type BuildResult, type Bundled } from "./context.js";
import type { DocsRenderer, EditionPlan } from "../docs/index.js";
import { errorStatusesOf } from "../core/error-statuses.js";
import { count } from "../core/plural.js";
import { collectGarbage } from "../core/heap.js";
import { claimOutput, recoverOutput, stage, writeFiles } from "./output.js";
import { rulesetFile } from "../core/ruleset.js";
import {
  type CachePlan,
  cachedWarnings,
  copyCached,
  planCache,
  previousManifest,
  recordCache,
  recordedOutputs,
} from "./plan.js";
import { warningLine, type StepResult } from "./steps/step.js";
import type { TypesAhead } from "./steps/types.js";

export type { BuildOptions, BuildResult } from "./context.js";

/** A step that has run: its result and how long it took, for its line. */
interface Ran<T> {
  result: StepResult<T>;
  ms: number;
}

/** Runs one step without printing its line yet. */
async function timed<T>(step: () => StepResult<T> | Promise<StepResult<T>>): Promise<Ran<T>> {
  const started = performance.now();
  const result = await step();
  return { result, ms: performance.now() - started };
}

/** Prints a step's line (name, summary, time), then its details; returns its value. */
function print<T>(ctx: BuildContext, name: string, { result, ms }: Ran<T>): T {
  const { value, summary, details = [] } = result;
  ctx.log(`${name.padEnd(8)} ${summary.padEnd(44)} ${Math.round(ms)} ms`);
  for (const line of details) ctx.log(line);
  return value;
}

/** Runs one step and prints its line. */
async function run<T>(ctx: BuildContext, name: string, step: () => StepResult<T> | Promise<StepResult<T>>): Promise<T> {
  return print(ctx, name, await timed(step));
}

/**
 * Up to how many characters of JSON the rebuilt bundles hold together for their types to be asked of the docs'
 * rendering process (`typesAhead`): above it, their pages take longer to render than lint takes here, so this
 * process would make the types anyway, having copied the documents for nothing (bench/README.md: at 1,000
 * operations the pages took 3.5 s, lint 3.2 s).
 */
const aheadBytes = 512 * 2 ** 10;

/**
 * Up to how many characters of JSON the rebuilt bundles hold together for the docs to render side by side with the
 * other steps (unless `sideBySideBytes` says otherwise). The pages then go to the rendering process (Redocly's
 * `build-docs`) before lint; it renders while Spectral runs here, then makes the types if it is free before this
 * process is. A bigger spec's steps run one at a time (docs, then types), so that the build's peak memory is one
 * tool's, not the sum of three (bench/README.md: 5,000 operations).
 */
const sideBySideBytes = 2 * 2 ** 20;

/** How many characters of JSON the rebuilt bundles hold together, counted until past `upTo`. */
function jsonSize({ rebuilt }: Bundled, upTo: number): number {
  let size = 0;
  for (const api of rebuilt) {
    size += JSON.stringify(api.doc).length;
    if (size > upTo) break;
  }
  return size;
}

/**
 * The catalog and the translations, checked before lint so that the docs can start rendering; their lines are
 * printed in their place after lint. Undefined when either finds a problem: the build then stops at lint, or at
 * that step after it, as it would have.
 */
async function checkedEarly(
  ctx: BuildContext,
  bundled: Bundled,
  files: Map<string, string>,
  { catalog, i18n }: typeof import("./steps/index.js"),
): Promise<{ catalog: Ran<Catalog>; i18n: Ran<EditionPlan> } | undefined> {
  try {
    const catalogRan = await timed(() => catalog(ctx, bundled, files));
    return { catalog: catalogRan, i18n: await timed(() => i18n(ctx, bundled, catalogRan.result.value)) };
  } catch {
    return undefined;
  }
}

/**
 * The build: what did not change comes from the cache (plan.ts), the rest is rebuilt (`rebuild`). Bad input
 * throws `InputRejected`.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const ctx = createContext(options);
  // Put right what an interrupted build left, then make sure this build may replace the output.
  for (const line of recoverOutput(ctx.out)) ctx.log(line);
  const previous = previousManifest(ctx);
  claimOutput(ctx.out, ctx.specDir, recordedOutputs(previous));
  rulesetFile(ctx.options.ruleset); // the cache's key hashes it first
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
  // The docs' rendering process starts now, to load Redocly while this one bundles and lints.
  const stopDocs = new AbortController();
  const { openDocsRenderer } = await import("../docs/index.js");
  const { keptDocs } = options;
  const renderer =
    options.docs !== false && plan.stale.length > 0
      ? (keptDocs?.open(options.redoclyConfig) ??
        openDocsRenderer({ redoclyConfig: options.redoclyConfig, signal: stopDocs.signal }))
      : undefined;
  const kept = keptDocs?.keeps(renderer) === true;
  // A kept process ends with a build that fails, as the build's own would: its pages may be half done.
  if (kept) stopDocs.signal.addEventListener("abort", () => void renderer?.close({ kill: true }), { once: true });
  try {
    return await rebuild(ctx, plan, renderer, stopDocs);
  } catch (error) {
    stopDocs.abort(); // killed, not asked to end: it may be loading Redocly still
    if (kept) await renderer?.close({ kill: true }); // gone before the build says it failed
    throw error;
  } finally {
    if (!kept) await renderer?.close();
  }
}

/**
 * The build's steps, once the plan has found what to rebuild: bundle each API once (Redocly), lint the bundles
 * (Spectral), read and check the catalog, write clients and server kits, check translations, then generate types;
 * the docs render in their process meanwhile (or one step at a time on a big spec: `sideBySideBytes`), all into a
 * staging folder that replaces the output only when every step succeeded. (Over 60 lines as one job: the order
 * of the steps, in one place.)
 */
async function rebuild(
  ctx: BuildContext,
  plan: CachePlan,
  renderer: DocsRenderer | undefined,
  stopDocs: AbortController,
): Promise<BuildResult> {
  const { options } = ctx;
  const ids = ctx.roots.map((root) => root.id);
  const steps = await import("./steps/index.js");
  const { bundle, catalog, clients, docs, i18n, lint, server, types, typesAhead } = steps;
  const files = new Map<string, string>();
  const bundled = await run(ctx, "bundle", () => bundle(ctx, plan, files));
  const withDocs = options.docs !== false;
  const sideBySideLimit = options.sideBySideBytes ?? sideBySideBytes;
  const size = jsonSize(bundled, Math.max(sideBySideLimit, aheadBytes));
  const small = size <= sideBySideLimit;
  // A big spec does without the process started before its size was known: its docs start their own after lint,
  // so that lint's peak memory is lint's own.
  if (!small) await renderer?.close({ kill: true });
  const early = withDocs && small ? await checkedEarly(ctx, bundled, files, steps) : undefined;

  const staged = await stage(ctx.out);
  let rendering: Promise<Ran<void>> | undefined;
  let ahead: TypesAhead | undefined;
  try {
    await copyCached(plan, ctx, staged.dir);
    const render = (errors: Catalog, editions: EditionPlan, atOnce = false) =>
      timed(() =>
        docs(ctx, staged.dir, bundled, errors, editions, {
          signal: stopDocs.signal,
          atOnce,
          renderer: small ? renderer : undefined,
        }),
      );
    if (early) {
      rendering = render(early.catalog.result.value, early.i18n.result.value, true);
      rendering.catch(() => {}); // its failure is the build's when it is awaited, below
      // The types too, where the pages are small enough to be done before lint is: there, or here if this
      // process is free first.
      if (renderer && size <= aheadBytes) ahead = typesAhead(renderer, bundled, staged.dir);
    }
    const warnings = await run(ctx, "lint", () => lint(ctx, plan, bundled));
    const errors = early
      ? print(ctx, "catalog", early.catalog)
      : await run(ctx, "catalog", () => catalog(ctx, bundled, files));
    await run(ctx, "clients", () => clients(ctx, bundled, errors, files));
    await run(ctx, "server", () => server(ctx, bundled, errors, files));
    const editions = early ? print(ctx, "i18n", early.i18n) : await run(ctx, "i18n", () => i18n(ctx, bundled, errors));
    // A big spec: the docs first (their process ends and gives its memory back), then the types; what
    // lint left in this process's heap is given back before the docs' process starts beside it.
    if (withDocs && !rendering) collectGarbage();
    const rendered = withDocs && !rendering ? await render(errors, editions) : undefined;
    await run(ctx, "types", () => types(ctx, bundled, errors, files, ahead));
    await writeFiles(staged.dir, files);
    const ran = rendered ?? (await rendering);
    if (ran) print(ctx, "docs", ran);
    await fs.promises.chmod(staged.dir, 0o755);
    const record = recordCache(plan, ctx, staged.dir, bundled.apis, warnings);
    await staged.commit();
    record();
    const errorStatuses = errorStatusesOf(bundled.apis.map((api) => api.doc)).size;
    const rebuilt = bundled.rebuilt.map((api) => api.id);
    return { apis: ids, rebuilt, upToDate: false, catalog: errors, errorStatuses, warnings };
  } catch (error) {
    stopDocs.abort();
    ahead?.close(); // never throws: the build's own error is the one to tell
    await rendering?.catch(() => {}); // nothing is left writing into the staging folder
    await staged.discard();
    throw error;
  }
}

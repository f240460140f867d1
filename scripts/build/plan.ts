import fs from "node:fs";
import path from "node:path";
import type { BundledApi } from "../core/bundle.js";
import {
  defaultCacheDir,
  filesBelow,
  hashAll,
  hashFile,
  manifestPath,
  packageVersion,
  readJson,
  rulesetInputs,
  toolkitCode,
  toolkitRoot,
  toolPackages,
  unchanged,
  writeManifest,
  type CacheManifest,
} from "../core/cache.js";
import type { BuildContext, BuildOptions } from "./context.js";
import { filesOf } from "./output.js";
import { sortProblems, type Problem } from "../core/problems.js";
import type { ApiRoot } from "../core/sources.js";

/**
 * The cache in one place: what this build can take from the previous one (`planCache`), and what
 * it records for the next (`recordCache`). An API is taken from the cache only when every byte
 * its bundle read, every output it wrote, the tools, the toolkit's code, the configs and the
 * ruleset's files hash as recorded; the build is "up to date" only when that holds for every API,
 * for the shared outputs, and for the folder listings the catalog reads.
 */
export interface CachePlan {
  cacheFile: string;
  cacheDir: string;
  key: string;
  manifest?: CacheManifest;
  /** The APIs taken from the previous output. */
  fresh: Set<string>;
  /** The APIs to bundle, lint and render. */
  stale: ApiRoot[];
  upToDate: boolean;
}

/** What, besides the sources, decides the output: tool versions, the toolkit's own code and assets, configs, options. */
function toolKey(options: BuildOptions, specDir: string, rebuildCommand: string, serverKit: boolean): string {
  const versions = toolPackages.map((name) => `${name}@${packageVersion(name)}`);
  const code = toolkitCode();
  // Translations are read by every API's pages: a change to them rebuilds all.
  const translations = filesBelow(path.join(specDir, "i18n"));
  const configs = [
    path.resolve(options.ruleset),
    path.join(toolkitRoot, "spectral", "ruleset.yaml"),
    path.resolve(options.redoclyConfig),
  ];
  return hashAll(
    [...code, ...translations, ...configs],
    [
      ...versions,
      // Which spec, and whether all of it: another spec folder, or one root of it, is another build.
      `spec=${path.resolve(options.spec)}`,
      `docs=${options.docs !== false}`,
      // Named in every do-not-edit line: a project's new build script rewrites them.
      `rebuild=${rebuildCommand}`,
      `node=${process.version}`,
      // Installing or removing the server kit adds or removes every server.ts.
      `server=${serverKit}`,
    ],
  );
}

/** Every file a cache manifest records the build writing into its output folder. */
export const recordedOutputs = (manifest: CacheManifest | undefined): Map<string, string> =>
  new Map(
    manifest
      ? [manifest.shared, ...Object.values(manifest.apis).map((api) => api.outputs)].flatMap(Object.entries)
      : [],
  );

/** An output that belongs to one API: its folder, or a page named after it anywhere under docs/. */
const belongsTo = (file: string, api: string) =>
  file.startsWith(`${api}/`) || (file.startsWith("docs/") && path.basename(file) === `${api}.html`);

/** Where this output folder's manifest lives. */
const cacheFileOf = (ctx: BuildContext) => manifestPath(ctx.options.cacheDir ?? defaultCacheDir, ctx.out);

/** The previous manifest of this output folder, whatever its key: read once per build, for the claim and the plan. */
export const previousManifest = (ctx: BuildContext) => readJson<CacheManifest>(cacheFileOf(ctx));

export function planCache(ctx: BuildContext, previous: CacheManifest | undefined): CachePlan {
  const cacheDir = ctx.options.cacheDir ?? defaultCacheDir;
  const cacheFile = cacheFileOf(ctx);
  const key = toolKey(ctx.options, ctx.specDir, ctx.rebuildCommand, ctx.serverKit);
  const recorded = !ctx.options.force && previous?.toolKey === key ? previous : undefined;
  // A changed ruleset file (a custom function, an extended ruleset) changes every API's lint results.
  const manifest = recorded && unchanged(recorded.rulesetInputs ?? {}) ? recorded : undefined;
  const isFresh = (root: ApiRoot) => {
    const cached = manifest?.apis[root.id];
    return cached !== undefined && unchanged(cached.inputs) && unchanged(cached.outputs, ctx.out);
  };
  const fresh = new Set(ctx.roots.filter(isFresh).map((root) => root.id));
  const sameApis =
    Object.keys(manifest?.apis ?? {})
      .sort()
      .join() ===
    ctx.roots
      .map((r) => r.id)
      .sort()
      .join();
  const listings = Object.entries(manifest?.listings ?? {});
  const sameListings = listings.every(([dir, hash]) => ctx.reader.listings.get(dir) === hash);
  const upToDate =
    manifest !== undefined &&
    fresh.size === ctx.roots.length &&
    sameApis &&
    sameListings &&
    unchanged(manifest.shared, ctx.out);
  return {
    cacheFile,
    cacheDir,
    key,
    manifest,
    fresh,
    stale: ctx.roots.filter((root) => !fresh.has(root.id)),
    upToDate,
  };
}

/** An API as the cache recorded it: its bundled document and the files it was read from. */
export function cachedApi(plan: CachePlan, root: ApiRoot): BundledApi {
  const cached = plan.manifest!.apis[root.id]!;
  return { ...root, doc: cached.doc, files: Object.keys(cached.inputs) };
}

/** The lint warnings the cache recorded for the APIs it holds. */
export const cachedWarnings = (
  plan: CachePlan,
  ids: Iterable<string> = Object.keys(plan.manifest?.apis ?? {}),
): Problem[] => sortProblems([...ids].flatMap((id) => plan.manifest!.apis[id]!.warnings as Problem[]));

/** Copies what did not change from the previous output into the staging folder (its hashes were checked). */
export async function copyCached(plan: CachePlan, ctx: BuildContext, staged: string): Promise<void> {
  for (const id of plan.fresh) {
    for (const file of Object.keys(plan.manifest!.apis[id]!.outputs)) {
      await fs.promises.mkdir(path.dirname(path.join(staged, file)), { recursive: true });
      await fs.promises.copyFile(path.join(ctx.out, file), path.join(staged, file));
    }
  }
}

/**
 * What this build read and wrote, for the next build, hashed in the staging folder; the returned
 * function writes it once the output is in place. A cache that cannot be written costs time, nothing else.
 */
export function recordCache(
  plan: CachePlan,
  ctx: BuildContext,
  staged: string,
  apis: BundledApi[],
  warnings: Problem[],
): () => void {
  const written = filesOf(staged);
  const hashes = (names: string[]) =>
    Object.fromEntries(names.map((name) => [name, hashFile(path.join(staged, name))!]));
  const rebuilt = apis.filter((api) => !plan.fresh.has(api.id));
  const record = (api: BundledApi) =>
    plan.fresh.has(api.id)
      ? plan.manifest!.apis[api.id]!
      : {
          // The bytes the bundle read, hashed when it read them: a file saved since is a change.
          inputs: Object.fromEntries(
            [api.root, ...api.files].map((file) => [file, ctx.reader.hashes.get(file) ?? "unread"]),
          ),
          outputs: hashes(written.filter((file) => belongsTo(file, api.id))),
          doc: api.doc,
          warnings: warnings.filter((w) => api.files.includes(w.file) || w.file === api.root),
        };
  const manifest: CacheManifest = {
    toolKey: plan.key,
    listings: Object.fromEntries(ctx.reader.listings),
    rulesetInputs:
      rebuilt.length > 0 ? rulesetInputs(ctx.options.ruleset, plan.cacheDir) : plan.manifest?.rulesetInputs,
    shared: hashes(written.filter((file) => !apis.some((api) => belongsTo(file, api.id)))),
    apis: Object.fromEntries(apis.map((api) => [api.id, record(api)])),
  };
  return () => writeManifest(plan.cacheFile, manifest);
}

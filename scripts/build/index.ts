import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BundledApi } from "../core/bundle.js";
import { listingHash, SourceReader } from "../core/read.js";
import { toYaml } from "../core/yaml.js";
import { defaultCacheDir, filesBelow, hashAll, hashFile, manifestPath, packageVersion, readJson, readManifest, rulesetInputs, unchanged, writeManifest, type CacheManifest } from "./cache.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { renderClient } from "./client.js";
import { renderErrorConstants } from "./constants.js";
import { planEditions, renderDocs } from "../docs/index.js";
import { doNotEdit, yamlHeader } from "./header.js";
import { claimOutput, markerName, recoverOutput, stage, writeFiles } from "./output.js";
import { BuildFailed, errorsIn, sortProblems, type Problem } from "./problems.js";
import { componentFiles, findApiRoots, forgetParsedFiles } from "./sources.js";
import { renderGeneratedReadme } from "./readme.js";

export interface BuildOptions {
  /** A spec folder (`openapi/`, holding `<api>/openapi.yaml` and `components/`) or one API root. */
  spec: string;
  /** Where the build goes; replaced whole, and only when every step succeeded. */
  out: string;
  /** The Spectral ruleset. */
  ruleset: string;
  /** The Redocly configuration (`redocly.yaml`). */
  redoclyConfig: string;
  /** Render reference docs (the slowest step). */
  docs?: boolean;
  /** Receives one line per step, and each lint warning. */
  log?: (line: string) => void;
  /** Rebuild everything, whatever the cache says. */
  force?: boolean;
  /** Where the cache lives (default: node_modules/.cache/error-contracts beside the toolkit). */
  cacheDir?: string;
}

export interface BuildResult {
  apis: string[];
  /** The APIs this build bundled, linted and rendered; the others came from the previous output. */
  rebuilt: string[];
  /** Nothing had changed: only the inputs and outputs were hashed. */
  upToDate: boolean;
  catalog?: Catalog;
  warnings: Problem[];
}

const toolkitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const toolPackages = ["@redocly/cli", "@redocly/openapi-core", "openapi-typescript", "openapi-fetch", "@stoplight/spectral-core", "@stoplight/spectral-rulesets", "ajv"];

/** What, besides the sources, decides the output: tool versions, the toolkit's own code, configs, options. */
function toolKey(options: BuildOptions, specDir: string): string {
  const versions = toolPackages.map((name) => `${name}@${packageVersion(name)}`);
  const code = [...filesBelow(path.join(toolkitRoot, "scripts"), (f) => f.endsWith(".ts") && !f.endsWith(".test.ts")), ...filesBelow(path.join(toolkitRoot, "spectral", "functions"))];
  // Translations are read by every API's pages: a change to them rebuilds all.
  const translations = filesBelow(path.join(specDir, "i18n"));
  return hashAll([...code, ...translations, path.resolve(options.ruleset), path.join(toolkitRoot, "spectral", "ruleset.yaml"), path.resolve(options.redoclyConfig)], [...versions, `docs=${options.docs !== false}`, `node=${process.version}`]);
}

/** Every file a cache manifest records the build writing into its output folder. */
const recordedOutputs = (manifest: CacheManifest | undefined) =>
  new Set(manifest ? [manifest.shared, ...Object.values(manifest.apis).map((api) => api.outputs)].flatMap(Object.keys) : []);

/** An output that belongs to one API: its folder, or a page named after it anywhere under docs/. */
const belongsTo = (file: string, api: string) => file.startsWith(`${api}/`) || (file.startsWith("docs/") && path.basename(file) === `${api}.html`);

async function timed<T>(log: (line: string) => void, step: string, work: () => Promise<T>, summary: (result: T) => string, started = performance.now()): Promise<T> {
  const result = await work();
  log(`${step.padEnd(8)} ${summary(result).padEnd(44)} ${Math.round(performance.now() - started)} ms`);
  return result;
}

/**
 * The build: bundle each API once (Redocly), lint the bundles (Spectral), read and check the
 * error catalog, then write bundles, types, clients, catalog and docs into a staging folder
 * that replaces `out` only when everything succeeded. Bad input throws `BuildFailed`.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  forgetParsedFiles();
  const roots = findApiRoots(options.spec);
  const specDir = fs.statSync(options.spec).isDirectory() ? path.resolve(options.spec) : path.dirname(path.dirname(path.resolve(options.spec)));
  const sourceName = (file: string) => path.relative(path.dirname(specDir), file).split(path.sep).join("/");
  // The output: put right what an interrupted build left, then make sure this build may replace it.
  const out = path.resolve(options.out);
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const cacheFile = manifestPath(cacheDir, out);
  for (const line of recoverOutput(out)) log(line);
  claimOutput(out, specDir, recordedOutputs(readJson<CacheManifest>(cacheFile)));
  // Every file is read once, through the reader: the cache records the hashes of the bytes read.
  const reader = new SourceReader();
  const componentsDir = path.join(specDir, "components");
  const { files: components, problems: nameProblems } = componentFiles(componentsDir, reader.list(componentsDir));
  if (nameProblems.length > 0) throw new BuildFailed(nameProblems);

  // The cache: an API whose sources and outputs all hash as recorded is not built again; the
  // listing of components/ (which the catalog reads) must be the same too.
  const key = toolKey(options, specDir);
  const recorded = options.force ? undefined : readManifest(cacheFile, key);
  // A changed ruleset file (a custom function, an extended ruleset) changes every API's lint results.
  const manifest = recorded && unchanged(recorded.rulesetInputs ?? {}) ? recorded : undefined;
  const fresh = new Set(
    roots.filter((root) => {
      const cached = manifest?.apis[root.id];
      return cached !== undefined && unchanged(cached.inputs) && unchanged(cached.outputs, out);
    }).map((root) => root.id),
  );
  const sameApis = manifest !== undefined && Object.keys(manifest.apis).sort().join() === roots.map((r) => r.id).sort().join();
  const sameListings = manifest !== undefined && Object.entries(manifest.listings ?? {}).every(([dir, hash]) => reader.listings.get(dir) === hash);
  if (fresh.size === roots.length && sameApis && sameListings && unchanged(manifest.shared, out)) {
    const warnings = sortProblems(Object.values(manifest.apis).flatMap((a) => a.warnings as Problem[]));
    log(`up to date: ${roots.length} APIs, nothing changed in ${sourceName(specDir)} (--force rebuilds)`);
    for (const warning of warnings) log(`  ${warning.file}:${warning.line}:${warning.column} warning ${warning.rule}: ${warning.message}`);
    return { apis: roots.map((r) => r.id), rebuilt: [], upToDate: true, warnings };
  }
  const stale = roots.filter((root) => !fresh.has(root.id));
  if (fresh.size > 0) {
    const rebuilding = stale.length > 0 ? `rebuilding ${stale.map((r) => r.id).join(", ")}` : "a folder listing changed: checking the catalog again";
    log(`cached   ${[...fresh].join(", ")} unchanged; ${rebuilding}`);
  }

  const { bundleApi, loadRedoclyConfig } = await import("../core/bundle.js");
  const redocly = await loadRedoclyConfig(options.redoclyConfig);
  const rebuiltApis = await timed(log, "bundle", async () => {
    const results = await Promise.all(stale.map((root) => bundleApi(root, redocly, reader)));
    const problems = results.flatMap((r) => r.problems);
    if (errorsIn(problems).length > 0) throw new BuildFailed(sortProblems(problems));
    return results.map((r) => r.api!);
  }, (bundled) => `${bundled.length} APIs: ${bundled.map((a) => a.id).join(", ")}`);
  const apis: BundledApi[] = roots
    .map((root) => rebuiltApis.find((api) => api.id === root.id) ?? { ...root, doc: manifest!.apis[root.id]!.doc, files: Object.keys(manifest!.apis[root.id]!.inputs) })
    .sort((a, b) => a.id.localeCompare(b.id));

  const bundleTexts = new Map(rebuiltApis.map((api) => [api.id, yamlHeader(sourceName(api.root)) + toYaml(api.doc)]));

  const warnings = await timed(log, "lint", async () => {
    const { lintBundle, loadLinter, toProblem } = await import("./lint.js");
    // --force is a cold build: the ruleset is bundled again too.
    const linter = rebuiltApis.length > 0 ? await loadLinter(options.ruleset, cacheDir, { force: options.force === true }) : undefined;
    const problems: Problem[] = [...[...fresh].flatMap((id) => manifest!.apis[id]!.warnings as Problem[])];
    for (const api of rebuiltApis) {
      const bundlePath = path.join(out, api.id, "openapi.yaml");
      const results = await lintBundle(linter!, bundleTexts.get(api.id)!, bundlePath, api.root, components, (file) => reader.read(file));
      problems.push(...results.filter((r) => r.severity <= 1).map(toProblem));
    }
    const sorted = sortProblems(problems);
    if (errorsIn(sorted).length > 0) throw new BuildFailed(sorted);
    return sorted;
  }, (found) => `${path.basename(options.ruleset)}: 0 errors, ${found.length} warnings`);
  for (const warning of warnings) log(`  ${warning.file}:${warning.line}:${warning.column} warning ${warning.rule}: ${warning.message}`);

  const catalog = await timed(log, "catalog", async () => {
    const exampleFiles = [...components.values()].filter((file) => file.startsWith(path.join(componentsDir, "examples") + path.sep));
    const { catalog, problems } = buildCatalog(apis, components, exampleFiles);
    if (problems.length > 0) throw new BuildFailed(sortProblems(problems));
    return catalog;
  }, (c) => `${c.families.reduce((n, f) => n + f.errors.length, 0)} codes in ${c.families.length} families`);

  const familiesOf = (api: BundledApi) => catalog.families.filter((family) => family.apis.includes(api.id));
  const titleOf = (api: BundledApi) => String((api.doc.info as { title?: unknown } | undefined)?.title ?? api.id);
  const files = new Map<string, string>();
  for (const api of rebuiltApis) files.set(`${api.id}/openapi.yaml`, bundleTexts.get(api.id)!);

  await timed(log, "clients", async () => {
    for (const api of rebuiltApis) {
      const families = familiesOf(api);
      files.set(`${api.id}/client.ts`, renderClient(api.id, titleOf(api), families, sourceName(api.root), api.doc));
      if (families.length > 0) files.set(`${api.id}/errors.ts`, renderErrorConstants(families, sourceName(api.root)));
    }
    files.set("README.md", renderGeneratedReadme(apis.map((api) => ({ id: api.id, title: titleOf(api) }))));
    files.set("catalog.json", JSON.stringify({ $comment: doNotEdit(sourceName(componentsDir)), ...catalog }, null, 2) + "\n");
  }, () => `${rebuiltApis.length} × client.ts, errors.ts; catalog.json`);

  const plan = await timed(log, "i18n", async () => {
    const plan = planEditions(apis, catalog, components, path.join(specDir, "i18n"), sourceName);
    if (plan.problems.length > 0) throw new BuildFailed(sortProblems(plan.problems));
    return plan;
  }, (p) => p.summary);
  for (const line of plan.details) log(line);

  const staged = await stage(options.out);
  try {
    // What did not change is taken from the previous output (its hashes were checked above).
    for (const id of fresh) {
      for (const file of Object.keys(manifest!.apis[id]!.outputs)) {
        await fs.promises.mkdir(path.dirname(path.join(staged.dir, file)), { recursive: true });
        await fs.promises.copyFile(path.join(out, file), path.join(staged.dir, file));
      }
    }
    // Docs render in `redocly build-docs` processes; types are generated here meanwhile.
    const docsStarted = performance.now();
    const docs = options.docs === false ? undefined : renderDocs({ outDir: path.join(staged.dir, "docs"), apis, only: new Set(rebuiltApis.map((api) => api.id)), catalog, editions: plan.editions, redoclyConfig: options.redoclyConfig, sourceName });
    try {
      await timed(log, "types", async () => {
        const { renderTypes } = await import("./types.js");
        for (const api of rebuiltApis) files.set(`${api.id}/types.ts`, await renderTypes(api.doc, familiesOf(api), sourceName(api.root)));
      }, () => `${rebuiltApis.length} × types.ts (openapi-typescript)`);
      await writeFiles(staged.dir, files);
    } finally {
      await docs?.catch(() => {}); // nothing is left writing into the staging folder
    }
    if (docs) {
      const rendered = await timed(log, "docs", () => docs,
      (d) => `${d.referencePages} reference pages (${d.builtByRedocly} by redocly build-docs), ${d.landingPages} landing pages (${plan.editions.map((e) => e.lang).join(", ")})`, docsStarted);
      for (const lang of rendered.englishLabels) log(`  docs: Redoc's labels stay English in docs/${lang}/: this Redoc version has no translate hook the build knows`);
    }
    await fs.promises.chmod(staged.dir, 0o755);
    const written = filesBelow(staged.dir)
      .map((file) => path.relative(staged.dir, file).split(path.sep).join("/"))
      .filter((file) => file !== markerName);
    const hashes = (names: string[]) => Object.fromEntries(names.map((name) => [name, hashFile(path.join(staged.dir, name))!]));
    const next: CacheManifest = {
      toolKey: key,
      listings: Object.fromEntries(reader.listings),
      rulesetInputs: rebuiltApis.length > 0 ? rulesetInputs(options.ruleset, cacheDir) : manifest?.rulesetInputs,
      shared: hashes(written.filter((file) => !apis.some((api) => belongsTo(file, api.id)))),
      apis: Object.fromEntries(
        apis.map((api) => [
          api.id,
          fresh.has(api.id)
            ? manifest!.apis[api.id]!
            : {
                // The bytes the bundle read, hashed when it read them: a file saved since is a change.
                inputs: Object.fromEntries([api.root, ...api.files].map((file) => [file, reader.hashes.get(file) ?? "unread"])),
                outputs: hashes(written.filter((file) => belongsTo(file, api.id))),
                doc: api.doc,
                warnings: warnings.filter((w) => api.files.includes(w.file) || w.file === api.root),
              },
        ]),
      ),
    };
    await staged.commit();
    // A cache that cannot be written (a read-only install) costs the next build time, nothing else.
    writeManifest(cacheFile, next);
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { apis: apis.map((api) => api.id), rebuilt: rebuiltApis.map((api) => api.id), upToDate: false, catalog, warnings };
}

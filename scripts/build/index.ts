import fs from "node:fs";
import path from "node:path";
import { stringifyYaml } from "@redocly/openapi-core";
import { bundleApi, loadRedoclyConfig, type BundledApi } from "./bundle.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { renderClient } from "./client.js";
import { renderErrorConstants } from "./constants.js";
import { renderLandingPage, renderReferencePage } from "./docs.js";
import { doNotEdit, yamlHeader } from "./header.js";
import { lintBundle, loadLinter } from "./lint.js";
import { stage, writeFiles } from "./output.js";
import { BuildFailed, errorsIn, sortProblems, type Problem } from "./problems.js";
import { componentFiles, findApiRoots, forgetParsedFiles } from "./sources.js";
import { renderGeneratedReadme } from "./readme.js";
import { renderTypes } from "./types.js";

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
}

export interface BuildResult {
  apis: string[];
  catalog: Catalog;
  warnings: Problem[];
}

async function timed<T>(log: (line: string) => void, step: string, work: () => Promise<T>, summary: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${step.padEnd(8)} ${summary(result).padEnd(44)} ${Math.round(performance.now() - started)} ms`);
  return result;
}

/** Runs the tasks with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  }));
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
  const componentsDir = path.join(specDir, "components");
  const { files: components, problems: nameProblems } = componentFiles(componentsDir);
  if (nameProblems.length > 0) throw new BuildFailed(nameProblems);

  const redocly = await loadRedoclyConfig(options.redoclyConfig);
  const apis = await timed(log, "bundle", async () => {
    const results = await Promise.all(roots.map((root) => bundleApi(root, redocly)));
    const problems = results.flatMap((r) => r.problems);
    if (errorsIn(problems).length > 0) throw new BuildFailed(sortProblems(problems));
    return results.map((r) => r.api!);
  }, (bundled) => `${bundled.length} APIs: ${bundled.map((a) => a.id).join(", ")}`);

  const bundleTexts = new Map(apis.map((api) => [api.id, yamlHeader(sourceName(api.root)) + stringifyYaml(api.doc, { noRefs: true, lineWidth: -1 })]));

  const warnings = await timed(log, "lint", async () => {
    const linter = await loadLinter(options.ruleset);
    const problems: Problem[] = [];
    for (const api of apis) {
      const bundlePath = path.join(path.resolve(options.out), api.id, "openapi.yaml");
      problems.push(...(await lintBundle(linter, bundleTexts.get(api.id)!, bundlePath, api.root, components)));
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
  for (const api of apis) files.set(`${api.id}/openapi.yaml`, bundleTexts.get(api.id)!);

  await timed(log, "types", async () => {
    for (const api of apis) files.set(`${api.id}/types.ts`, await renderTypes(api.doc, familiesOf(api), sourceName(api.root)));
  }, () => `${apis.length} × types.ts (openapi-typescript)`);

  await timed(log, "clients", async () => {
    for (const api of apis) {
      const families = familiesOf(api);
      files.set(`${api.id}/client.ts`, renderClient(api.id, titleOf(api), families, sourceName(api.root), api.doc));
      if (families.length > 0) files.set(`${api.id}/errors.ts`, renderErrorConstants(families, sourceName(api.root)));
    }
    files.set("README.md", renderGeneratedReadme(apis.map((api) => ({ id: api.id, title: titleOf(api) }))));
    files.set("catalog.json", JSON.stringify({ $comment: doNotEdit(sourceName(componentsDir)), ...catalog }, null, 2) + "\n");
  }, () => `${apis.length} × client.ts, errors.ts; catalog.json`);

  const staged = await stage(options.out);
  try {
    await writeFiles(staged.dir, files);
    if (options.docs !== false) {
      await timed(log, "docs", async () => {
        await fs.promises.mkdir(path.join(staged.dir, "docs"), { recursive: true });
        await pool(apis, 2, (api) =>
          renderReferencePage(path.join(staged.dir, api.id, "openapi.yaml"), path.join(staged.dir, "docs", `${api.id}.html`), options.redoclyConfig, sourceName(api.root)),
        );
        await fs.promises.writeFile(path.join(staged.dir, "docs", "index.html"), renderLandingPage(apis.map((api) => ({ id: api.id, title: titleOf(api) })), catalog));
      }, () => `${apis.length} reference pages + index.html (redocly build-docs)`);
    }
    await fs.promises.chmod(staged.dir, 0o755);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { apis: apis.map((api) => api.id), catalog, warnings };
}

import fs from "node:fs";
import path from "node:path";
import type { BundledApi } from "../core/bundle.js";
import { rebuildCommand } from "../core/do-not-edit.js";
import { SourceReader } from "../core/read.js";
import type { Catalog } from "./catalog.js";
import type { KeptDocsRenderer } from "../docs/index.js";
import { InputRejected, type Problem } from "../core/problems.js";
import { componentFiles, findRoots, forgetParsedFiles, specFolderOf, type ApiRoot } from "../core/sources.js";

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
  /** A rendering process kept from one build to the next (`--watch`, `serve`); else each build starts its own. */
  keptDocs?: KeptDocsRenderer;
  /** Receives one line per step, and each lint warning. */
  log?: (line: string) => void;
  /** Rebuild everything, whatever the cache says. */
  force?: boolean;
  /** Where the cache lives (default: node_modules/.cache/error-contracts beside the toolkit). */
  cacheDir?: string;
  /**
   * Up to how many characters of JSON the rebuilt bundles may hold together for the docs to render side by
   * side with lint and types (default 2 Mi); above it, one step at a time, to bound memory.
   */
  sideBySideBytes?: number;
}

export interface BuildResult {
  apis: string[];
  /** The APIs this build bundled, linted and rendered; the others came from the previous output. */
  rebuilt: string[];
  /** Nothing had changed: only the inputs and outputs were hashed. */
  upToDate: boolean;
  catalog?: Catalog;
  /** How many error statuses (4xx, 5xx, 4XX, 5XX, default) the APIs document, each counted once. */
  errorStatuses?: number;
  warnings: Problem[];
}

/** What every step of one build reads: the options, the spec's layout, and the one reader of its files. */
export interface BuildContext {
  options: BuildOptions;
  log: (line: string) => void;
  /** The spec folder: `<api>/openapi.yaml` roots, `components/`, `i18n/`. */
  specDir: string;
  componentsDir: string;
  /** Whether the whole spec folder is built (else one API root): folder-wide checks need every API. */
  wholeFolder: boolean;
  /** The output folder (absolute). */
  out: string;
  roots: ApiRoot[];
  /** Component name → its file (a bundle names each component after its file). */
  components: Map<string, string>;
  /** Every spec file is read through it: its hashes are the bytes this build was made from. */
  reader: SourceReader;
  /** A source file as the generated files name it: relative to the spec folder's parent, with `/`. */
  sourceName(file: string): string;
  /** How the project (the spec folder's parent) runs this build again, for the do-not-edit lines. */
  rebuildCommand: string;
  /** Whether the project's package.json depends on `@error-contracts/server`: only then does the build write `server.ts`. */
  serverKit: boolean;
}

/** What the steps hand on: every API (bundled now or taken from the cache) and those bundled now. */
export interface Bundled {
  apis: BundledApi[];
  rebuilt: BundledApi[];
}

/** Reads the spec's layout: its API roots and its components (whose file names must be unique). */
export function createContext(options: BuildOptions): BuildContext {
  forgetParsedFiles();
  const reader = new SourceReader();
  const log = options.log ?? (() => {});
  const { roots, skipped } = findRoots(options.spec, (file) => reader.read(file));
  for (const { file, reason } of skipped) log(`skipped  ${path.relative(process.cwd(), file)}: ${reason}`);
  const spec = path.resolve(options.spec);
  const specDir = specFolderOf(spec);
  const componentsDir = path.join(specDir, "components");
  const { files: components, problems } = componentFiles(componentsDir, reader.list(componentsDir));
  if (problems.length > 0) throw new InputRejected(problems);
  return {
    options,
    log,
    specDir,
    wholeFolder: spec === specDir,
    componentsDir,
    out: path.resolve(options.out),
    roots,
    components,
    reader,
    sourceName: (file) => path.relative(path.dirname(specDir), file).split(path.sep).join("/"),
    rebuildCommand: rebuildCommand(path.dirname(specDir), { spec, out: options.out }),
    serverKit: declaresServerKit(path.dirname(specDir)),
  };
}

/** An API's title (`info.title`), else its id. */
export const titleOf = (api: BundledApi) => String((api.doc.info as { title?: unknown } | undefined)?.title ?? api.id);

/**
 * Whether a project (the spec folder's parent) declares `@error-contracts/server` in its package.json
 * (dependencies, devDependencies or peerDependencies): the generated `server.ts` imports it, so a
 * project that only calls its API gets none, and installing the kit adds them at the next build.
 */
function declaresServerKit(projectDir: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8"));
  } catch {
    return false; // no package.json, or not JSON: nothing declared
  }
  const lists = ["dependencies", "devDependencies", "peerDependencies"].map(
    (key) => (manifest as Record<string, unknown> | null)?.[key],
  );
  return lists.some((list) => typeof list === "object" && list !== null && "@error-contracts/server" in list);
}

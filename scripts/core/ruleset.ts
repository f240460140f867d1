import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Ruleset } from "@stoplight/spectral-core";
import {
  hashFile,
  packageVersion,
  readJson,
  rulesetCacheFile,
  spectralPackages,
  unchanged,
  writeJson,
} from "./cache.js";
import {
  RulesetError,
  cannotLoad,
  describe,
  invalid,
  ownErrors,
  parseSource,
  reasonOf,
  shown,
  type Source,
} from "./ruleset-errors.js";

const require = createRequire(import.meta.url);
/** Spectral's own loader resolves a ruleset's imports from the ruleset's folder, then from its own. */
const loaderDir = path.dirname(require.resolve("@stoplight/spectral-ruleset-bundler/with-loader"));

interface CachedRuleset {
  versions: string;
  /** Every local file the bundle was made of → its hash. */
  files: Record<string, string>;
  /** The ruleset bundled as CommonJS, as Spectral's loader evaluates it. */
  code: string;
}

const versions = () => spectralPackages.map((name) => `${name}@${packageVersion(name)}`).join(" ");

/** The ruleset's absolute path; `RulesetError` in one line where no file is there (before anything reads it). */
export function rulesetFile(rulesetPath: string): string {
  const file = path.resolve(rulesetPath);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new RulesetError(`${shown(file)}: the ruleset file does not exist`);
  if (!stat.isFile()) throw new RulesetError(`${shown(file)}: the ruleset is a folder, not a file`);
  return file;
}

/**
 * Loads a Spectral ruleset the way Spectral's CLI does (migrate the YAML to JavaScript, bundle
 * it with rollup, evaluate the bundle), and keeps the bundled code in `cacheDir`. While the
 * ruleset's files and Spectral's versions are unchanged, the next load evaluates that code
 * without loading rollup or bundling again: a second or more off every build and lint.
 * `force` bundles again (and refreshes the cache), as a cold build must.
 */
export async function loadRuleset(
  rulesetPath: string,
  cacheDir?: string,
  options: { force?: boolean } = {},
): Promise<Ruleset> {
  const file = rulesetFile(rulesetPath);
  const cacheFile = cacheDir ? rulesetCacheFile(file, cacheDir) : undefined;
  const key = versions();
  const cached = cacheFile && !options.force ? readJson<CachedRuleset>(cacheFile) : undefined;
  if (cached && cached.versions === key && unchanged(cached.files)) {
    try {
      return evaluate(cached.code, file, new Map());
    } catch {
      // bundled again below, which says what is wrong
    }
  }

  const { code, files, remote, sources } = await bundle(file);
  const ruleset = evaluate(code, file, sources);
  if (cacheFile && !remote) {
    const entry: CachedRuleset = {
      versions: key,
      files: Object.fromEntries(
        files.flatMap((f) => {
          const h = hashFile(f);
          return h ? [[f, h]] : [];
        }),
      ),
      code,
    };
    writeJson(cacheFile, entry);
  }
  return ruleset;
}

interface Bundled {
  code: string;
  files: string[];
  remote: boolean;
  sources: Map<string, Source>;
}

/**
 * What `@stoplight/spectral-ruleset-bundler/with-loader` does, keeping the list of files it read
 * and the ruleset files (YAML, JSON) parsed, to say where a broken ruleset is wrong.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one job, Spectral's loader's steps in its order, with the I/O they share
async function bundle(file: string): Promise<Bundled> {
  const [{ bundleRuleset }, { migrateRuleset }, { node }, { stdin }] = await Promise.all([
    import("@stoplight/spectral-ruleset-bundler"),
    import("@stoplight/spectral-ruleset-migrator"),
    import("@stoplight/spectral-ruleset-bundler/presets/node"),
    import("@stoplight/spectral-ruleset-bundler/plugins/stdin"),
  ]);
  const read = new Set<string>([file]);
  /** The rulesets the migrator reads (this one, those it extends); not the files rollup reads later. */
  const sources = new Map<string, Source>();
  let migrating = false;
  let remote = false;
  const readFile = async (name: fs.PathLike, options?: unknown) => {
    const at = path.resolve(String(name));
    read.add(at);
    const content = await fs.promises.readFile(name, options as BufferEncoding);
    if (migrating && /\.(json|ya?ml)$/.test(at) && !sources.has(at)) sources.set(at, parseSource(at, String(content)));
    return content;
  };
  const io = {
    fs: { ...fs, promises: { ...fs.promises, readFile: readFile as typeof fs.promises.readFile } },
    fetch: ((...args: Parameters<typeof fetch>) => {
      remote = true;
      return fetch(...args);
    }) as typeof fetch,
  };
  const plugins = node(io);
  // A file the ruleset imports that is not there (a function of `functions:`): rollup warns and
  // leaves the import to Node, which then fails with "Cannot find module"; say which file instead.
  const missing: string[] = [];
  type Warning = { code?: string; source?: string; importer?: string };
  type Options = { onwarn?: (warning: Warning, warn: (warning: Warning) => void) => void };
  plugins.push({
    name: "error-contracts:missing-imports",
    options: (options: Options): Options => ({
      ...options,
      onwarn(warning, warn) {
        const { code, source, importer } = warning;
        if (code === "UNRESOLVED_IMPORT" && source && (path.isAbsolute(source) || source.startsWith("."))) {
          missing.push(path.resolve(importer ? path.dirname(importer) : path.dirname(file), source));
        } else if (options.onwarn) options.onwarn(warning, warn);
        else warn(warning);
      },
    }),
  } as unknown as (typeof plugins)[number]);
  let input = file;
  try {
    // As Spectral's loader decides: a YAML or JSON ruleset is migrated to JavaScript first.
    if (/\.(json|ya?ml)$/.test(path.extname(file))) {
      migrating = true;
      const migrated = await migrateRuleset(file, { format: "esm", fs: io.fs as never, fetch: io.fetch as never });
      migrating = false;
      input = path.join(path.dirname(file), ".spectral.js");
      plugins.unshift(stdin(migrated, input));
    }
    const chunk = await bundleRuleset(input, { target: "node", format: "commonjs", plugins, fullOutput: true });
    if (missing.length > 0) {
      const list = [...new Set(missing)].map(shown);
      throw cannotLoad(file, `${list.join(", ")} ${list.length > 1 ? "do" : "does"} not exist`);
    }
    const modules = Object.keys(chunk.modules).filter((id) => path.isAbsolute(id) && id !== input);
    return { code: chunk.code, files: [...read, ...modules], remote, sources };
  } catch (error) {
    if (error instanceof RulesetError) throw error;
    const { code, path: at } = error as { code?: unknown; path?: unknown };
    if (code === "UNRESOLVED_ENTRY") throw new RulesetError(`${shown(file)}: the ruleset file cannot be read`);
    if (code === "ENOENT" && typeof at === "string") {
      throw cannotLoad(file, `${shown(path.resolve(at))} does not exist`);
    }
    // The migrator checks each ruleset it reads against its own schema, and says only "Invalid ruleset provided".
    const own = ownErrors(sources);
    if (own) throw describe(file, own.source, own.errors);
    throw cannotLoad(file, reasonOf(error));
  }
}

/** Evaluates a bundled ruleset as Spectral's loader does. */
function evaluate(code: string, file: string, sources: Map<string, Source>): Ruleset {
  const requireFrom = createRequire(file);
  const module: { exports?: unknown } = {};
  const load = (id: string) => requireFrom(requireFrom.resolve(id, { paths: [path.dirname(file), loaderDir] }));
  try {
    new Function("module, require", code)(module, load);
  } catch (error) {
    // A package it extends or imports is not installed: "Cannot find module 'x'".
    throw cannotLoad(file, reasonOf(error));
  }
  if (typeof module.exports !== "object" || module.exports === null) {
    throw new RulesetError(`${shown(file)}: the ruleset exports nothing`);
  }
  try {
    return new Ruleset(module.exports as never, { severity: "recommended", source: file });
  } catch (error) {
    throw invalid(file, error, sources) ?? error;
  }
}

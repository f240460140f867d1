import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Ruleset } from "@stoplight/spectral-core";
import { hashFile, hashText, packageVersion, readJson, unchanged, writeJson } from "./cache.js";

const require = createRequire(import.meta.url);
/** The Spectral packages whose versions decide what a bundled ruleset contains. */
const spectralPackages = ["@stoplight/spectral-core", "@stoplight/spectral-rulesets", "@stoplight/spectral-functions", "@stoplight/spectral-ruleset-bundler", "@stoplight/spectral-ruleset-migrator"];
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

/**
 * Loads a Spectral ruleset the way Spectral's CLI does (migrate the YAML to JavaScript, bundle
 * it with rollup, evaluate the bundle), and keeps the bundled code in `cacheDir`. While the
 * ruleset's files and Spectral's versions are unchanged, the next load evaluates that code
 * without loading rollup or bundling again: a second or more off every build and lint.
 * `force` bundles again (and refreshes the cache), as a cold build must.
 */
export async function loadRuleset(rulesetPath: string, cacheDir?: string, options: { force?: boolean } = {}): Promise<Ruleset> {
  const file = path.resolve(rulesetPath);
  const cacheFile = cacheDir ? path.join(cacheDir, `ruleset-${hashText(file).slice(0, 16)}.json`) : undefined;
  const key = versions();
  const cached = cacheFile && !options.force ? readJson<CachedRuleset>(cacheFile) : undefined;
  if (cached && cached.versions === key && unchanged(cached.files)) return evaluate(cached.code, file);

  const { code, files, remote } = await bundle(file);
  const ruleset = evaluate(code, file);
  if (cacheFile && !remote) {
    const entry: CachedRuleset = { versions: key, files: Object.fromEntries(files.flatMap((f) => { const h = hashFile(f); return h ? [[f, h]] : []; })), code };
    writeJson(cacheFile, entry);
  }
  return ruleset;
}

/** What `@stoplight/spectral-ruleset-bundler/with-loader` does, keeping the list of files it read. */
async function bundle(file: string): Promise<{ code: string; files: string[]; remote: boolean }> {
  const [{ bundleRuleset }, { migrateRuleset }, { node }, { stdin }] = await Promise.all([
    import("@stoplight/spectral-ruleset-bundler"),
    import("@stoplight/spectral-ruleset-migrator"),
    import("@stoplight/spectral-ruleset-bundler/presets/node"),
    import("@stoplight/spectral-ruleset-bundler/plugins/stdin"),
  ]);
  const read = new Set<string>([file]);
  let remote = false;
  const io = {
    fs: { ...fs, promises: { ...fs.promises, readFile: ((name: fs.PathLike, options?: unknown) => (read.add(path.resolve(String(name))), fs.promises.readFile(name, options as BufferEncoding))) as typeof fs.promises.readFile } },
    fetch: ((...args: Parameters<typeof fetch>) => ((remote = true), fetch(...args))) as typeof fetch,
  };
  const plugins = node(io);
  let input = file;
  // As Spectral's loader decides: a YAML or JSON ruleset is migrated to JavaScript first.
  if (/\.(json|ya?ml)$/.test(path.extname(file))) {
    const migrated = await migrateRuleset(file, { format: "esm", fs: io.fs as never, fetch: io.fetch as never });
    input = path.join(path.dirname(file), ".spectral.js");
    plugins.unshift(stdin(migrated, input));
  }
  try {
    const chunk = await bundleRuleset(input, { target: "node", format: "commonjs", plugins, fullOutput: true });
    return { code: chunk.code, files: [...read, ...Object.keys(chunk.modules).filter((id) => path.isAbsolute(id) && id !== input)], remote };
  } catch (error) {
    if ((error as { code?: unknown }).code === "UNRESOLVED_ENTRY") throw new Error(`Could not read ruleset at ${file}.`);
    throw error;
  }
}

/** Evaluates a bundled ruleset as Spectral's loader does. */
function evaluate(code: string, file: string): Ruleset {
  const requireFrom = createRequire(file);
  const module: { exports?: unknown } = {};
  new Function("module, require", code)(module, (id: string) => requireFrom(requireFrom.resolve(id, { paths: [path.dirname(file), loaderDir] })));
  if (typeof module.exports !== "object" || module.exports === null) throw new Error(`${file}: the ruleset exports nothing`);
  return new Ruleset(module.exports as never, { severity: "recommended", source: file });
}

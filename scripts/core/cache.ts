import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * The build cache: content hashes of what each API was built from and of what it wrote, kept in a
 * git-ignored folder. A build whose inputs and outputs all still hash the same has nothing to do;
 * an API whose inputs changed is rebuilt, the others are taken from the previous output.
 */
export interface CacheManifest {
  /** Hash of the tools' versions, the toolkit's own code, the ruleset, the Redocly config and the options. */
  toolKey: string;
  /** Outputs that belong to no single API (catalog.json, the landing page) → their hashes. */
  shared: Record<string, string>;
  /** Folders whose listing a step reads (components/: the catalog's orphan check) → the hash of their file names. */
  listings?: Record<string, string>;
  /** Every file of the Spectral ruleset (its functions, the rulesets it extends) → its hash: the lint results depend on them. */
  rulesetInputs?: Record<string, string>;
  apis: Record<string, CachedApi>;
}

export interface CachedApi {
  /** Every source file the API's bundle read → its hash. */
  inputs: Record<string, string>;
  /** Every output file the API alone produced (relative to the output folder) → its hash. */
  outputs: Record<string, string>;
  /** What later steps need without bundling again: the bundled document and the lint warnings. */
  doc: Record<string, unknown>;
  warnings: unknown[];
}

/** Where the cache lives unless a build says otherwise: git-ignored, beside the toolkit's packages. */
/** The toolkit's own folder (where its package.json is). */
export const toolkitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const defaultCacheDir = path.join(toolkitRoot, "node_modules", ".cache", "error-contracts");

const require = createRequire(import.meta.url);

/** The tools whose versions decide what a build writes (and which a build daemon has loaded). */
export const toolPackages = [
  "@redocly/cli",
  "@redocly/openapi-core",
  "openapi-typescript",
  "openapi-fetch",
  "@stoplight/spectral-core",
  "@stoplight/spectral-rulesets",
  "ajv",
];

/** The Spectral packages whose versions decide what a bundled ruleset contains. */
export const spectralPackages = [
  "@stoplight/spectral-core",
  "@stoplight/spectral-rulesets",
  "@stoplight/spectral-functions",
  "@stoplight/spectral-ruleset-bundler",
  "@stoplight/spectral-ruleset-migrator",
];

/** An installed package's version, found from its entry point (some packages do not export `package.json`). */
export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // Not exported by every package: found from the entry point below.
  }
  try {
    for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const manifest = path.join(dir, "package.json");
      if (!fs.existsSync(manifest)) continue;
      const { name: found, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (found === name) return version ?? "?";
    }
  } catch {
    // Not installed: its absence is part of the key.
  }
  return "?";
}

export function hashText(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The hash of a file's bytes, or undefined when it does not exist. */
export function hashFile(file: string): string | undefined {
  try {
    return hashText(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Every file below `dir` (sorted), for hashing a folder of code. */
export function filesBelow(dir: string, keep: (file: string) => boolean = () => true): string[] {
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      // A symlink to a file counts as the file it leads to (its bytes are what is read).
      .filter(
        (entry) =>
          entry.isFile() ||
          (entry.isSymbolicLink() &&
            fs.statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.isFile() === true),
      )
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter(keep)
      .sort()
  );
}

/** One hash of many files' names and bytes, plus any extra strings (versions, options). */
export function hashAll(files: string[], extra: string[] = []): string {
  const hash = createHash("sha256");
  for (const value of extra) hash.update(value).update("\0");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * The toolkit's code that a build runs, tests left out: its commands (`scripts/`), the OpenAPI model (`src/`) and
 * the ruleset's functions. The build's cache key and the build daemon's key hash it.
 */
export const toolkitCode = (root = toolkitRoot): string[] =>
  ["scripts", "src", "spectral/functions"].flatMap((dir) =>
    filesBelow(path.join(root, dir), (file) => !/\.test\.ts$/.test(file)),
  );

/** Whether every file of a record still hashes as recorded (`base` resolves relative names). */
export function unchanged(recorded: Record<string, string>, base = ""): boolean {
  return Object.entries(recorded).every(([file, hash]) => hashFile(path.resolve(base, file)) === hash);
}

/** Where the manifest of one output folder lives. */
export function manifestPath(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `${hashText(path.resolve(outDir)).slice(0, 16)}.json`);
}

/** A JSON file of the cache, or undefined when it is missing or unreadable. */
export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/**
 * Writes a JSON file of the cache whole or not at all (a temporary file, then a rename). A cache
 * that cannot be written (a read-only install, another user's project) is no error: the next run
 * finds nothing cached and does the work again. Returns whether it was written.
 */
export function writeJson(file: string, value: unknown): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(value));
    fs.renameSync(temporary, file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}

export function readManifest(file: string, toolKey: string): CacheManifest | undefined {
  const manifest = readJson<CacheManifest>(file);
  return manifest?.toolKey === toolKey ? manifest : undefined;
}

export function writeManifest(file: string, manifest: CacheManifest): boolean {
  return writeJson(file, manifest);
}

/** Where the bundled Spectral ruleset of a ruleset file is kept (see ruleset.ts). */
export const rulesetCacheFile = (rulesetPath: string, cacheDir: string) =>
  path.join(cacheDir, `ruleset-${hashText(path.resolve(rulesetPath)).slice(0, 16)}.json`);

/** Every local file the cached bundle of a ruleset was made from → its hash (what a build's lint results depend on). */
export function rulesetInputs(rulesetPath: string, cacheDir: string): Record<string, string> | undefined {
  return readJson<{ files?: Record<string, string> }>(rulesetCacheFile(rulesetPath, cacheDir))?.files;
}

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { assertValidRuleset, Ruleset } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { hashFile, packageVersion, readJson, rulesetCacheFile, unchanged, writeJson } from "./cache.js";

const require = createRequire(import.meta.url);
/** The Spectral packages whose versions decide what a bundled ruleset contains. */
const spectralPackages = [
  "@stoplight/spectral-core",
  "@stoplight/spectral-rulesets",
  "@stoplight/spectral-functions",
  "@stoplight/spectral-ruleset-bundler",
  "@stoplight/spectral-ruleset-migrator",
];
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
export async function loadRuleset(
  rulesetPath: string,
  cacheDir?: string,
  options: { force?: boolean } = {},
): Promise<Ruleset> {
  const file = path.resolve(rulesetPath);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new RulesetError(`${shown(file)}: the ruleset file does not exist`);
  if (!stat.isFile()) throw new RulesetError(`${shown(file)}: the ruleset is a folder, not a file`);
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

/**
 * A ruleset that cannot be loaded, said in one line: the file (and line) at fault and
 * Spectral's reason (`.spectral.yaml:2: the ruleset is invalid: rules.my-rule: …`).
 */
export class RulesetError extends Error {
  override name = "RulesetError";
}

/** A file as the command names it: relative to the working folder when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
const firstLine = (text: string) => text.split("\n")[0]!.trim();
const reasonOf = (error: unknown) => firstLine(error instanceof Error ? error.message : String(error));
const cannotLoad = (file: string, reason: string) =>
  new RulesetError(`${shown(file)}: the ruleset cannot be loaded: ${reason}`);

/** A YAML or JSON file of a ruleset (the ruleset itself, or one it extends), as Spectral parses it. */
interface Source {
  file: string;
  data: unknown;
  /** Where a JSON path of the file's data is written: its 1-based line. */
  lineOf: (at: (string | number)[]) => number | undefined;
}

/** Parses a ruleset file as Spectral does; a syntax error stops the load, at its line. */
function parseSource(file: string, text: string): Source {
  const json = path.extname(file) === ".json";
  const { Json, Yaml } = Parsers;
  const parsed = json ? Json.parse(text) : Yaml.parse(text);
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (error) {
    const reason = `the ruleset is not valid ${json ? "JSON" : "YAML"}: ${firstLine(error.message)}`;
    throw new RulesetError(`${shown(file)}:${error.range.start.line + 1}: ${reason}`);
  }
  const lineOf = (at: (string | number)[]) => {
    const location = json
      ? Json.getLocationForJsonPath(parsed as never, at)
      : Yaml.getLocationForJsonPath(parsed as never, at);
    return location ? location.range.start.line + 1 : undefined;
  };
  return { file, data: parsed.data, lineOf };
}

interface ValidationError {
  path: (string | number)[];
  message: string;
}

/** The errors of Spectral's ruleset validation (one RulesetValidationError, or an AggregateError of them). */
function validationErrors(error: unknown): ValidationError[] {
  if (typeof error !== "object" || error === null) return [];
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) return errors.flatMap(validationErrors);
  const { path: at, message } = error as { path?: unknown; message?: unknown };
  if (!Array.isArray(at) || typeof message !== "string") return [];
  // The ruleset itself is Spectral's path [""] (from ajv's instancePath "").
  return [{ path: (at as (string | number)[]).filter((step) => step !== ""), message }];
}

/** Spectral's own schemas: which keys a rule, and a ruleset, may have. */
function allowedKeys(at: (string | number)[]): Set<string> | undefined {
  try {
    const meta = path.join(path.dirname(require.resolve("@stoplight/spectral-core")), "ruleset", "meta");
    const schema = (name: string): { properties?: object } =>
      JSON.parse(fs.readFileSync(path.join(meta, name), "utf8"));
    if (at.length === 0) return new Set(Object.keys(schema("ruleset.schema.json").properties ?? {}));
    const rule = schema("rule.schema.json") as { then?: { properties?: object } };
    if (at.length === 2 && at[0] === "rules") return new Set(Object.keys(rule.then?.properties ?? {}));
  } catch {
    // Spectral's files moved: its message stays as it is
  }
  return undefined;
}

/** The data at a JSON path. */
const dig = (data: unknown, at: (string | number)[]) =>
  at.reduce<unknown>((node, step) => (isRecord(node) ? node[step] : undefined), data);
const isRecord = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The first ruleset file (in the order read: the ruleset, then those it extends) that, validated
 * alone as Spectral validates a JSON ruleset, has errors. Spectral validates the evaluated
 * ruleset, in which what it extends is inlined: this says which file is wrong, and where.
 */
function ownErrors(sources: Map<string, Source>): { source: Source; errors: ValidationError[] } | undefined {
  for (const source of sources.values()) {
    // `except` is the migrator's own, which it turns into `overrides`.
    const { except: _, ...rest } = isRecord(source.data) ? source.data : {};
    try {
      assertValidRuleset(isRecord(source.data) ? rest : source.data, "json");
    } catch (error) {
      const errors = validationErrors(error);
      if (errors.length > 0) return { source, errors };
    }
  }
  return undefined;
}

/** One line for validation errors, at the file and line of the first. */
function describe(file: string, source: Source | undefined, errors: ValidationError[]): RulesetError {
  const described = errors.map(({ path: at, message }) => {
    const allowed = message === "must NOT have additional properties" ? allowedKeys(at) : undefined;
    const node = dig(source?.data, at);
    const unknown = (key: string) => !allowed?.has(key) && !key.startsWith("x-");
    const extra = allowed && isRecord(node) ? Object.keys(node).filter(unknown) : [];
    const line = source?.lineOf(extra.length > 0 ? [...at, extra[0]!] : at);
    const what = extra.length > 0 ? ` (${extra.join(", ")})` : "";
    return { line, reason: `${at.length > 0 ? `${at.join(".")}: ` : ""}${firstLine(message)}${what}` };
  });
  const line = described[0]?.line;
  const where = `${shown(source?.file ?? file)}${line ? `:${line}` : ""}`;
  return new RulesetError(`${where}: the ruleset is invalid: ${described.map((d) => d.reason).join("; ")}`);
}

/** Spectral's validation of the evaluated ruleset, said at the file and line at fault. */
function invalid(file: string, error: unknown, sources: Map<string, Source>): RulesetError | undefined {
  const errors = validationErrors(error);
  if (errors.length === 0) return undefined;
  const own = ownErrors(sources);
  if (own) return describe(file, own.source, own.errors);
  // Not wrong as JSON (options a function does not take): the first file that has the path.
  const source = [...sources.values()].find((candidate) => candidate.lineOf(errors[0]!.path) !== undefined);
  return describe(file, source ?? sources.get(file), errors);
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

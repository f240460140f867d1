import path from "node:path";
import { Document, Spectral, type ISpectralDiagnostic } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { parse } from "yaml";
import { pathOfPointer } from "../../src/openapi/index.js";
import { defaultCacheDir } from "./cache.js";
import { speedUpDependencyGraph } from "./dep-graph.js";
import { useModernNimma } from "./modern-nimma.js";
import type { Problem } from "./problems.js";
import { loadRuleset } from "./ruleset.js";
import { sourceLocation } from "./sources.js";
import { parsePositions, placeIn, type SpectralSource } from "./spectral-source.js";

export type Linter = Spectral;

/** Loads a Spectral ruleset (`.spectral.yaml`) once, for every API of a build (bundled code cached in `cacheDir`). */
export async function loadLinter(
  rulesetPath: string,
  cacheDir: string = defaultCacheDir,
  options: { force?: boolean } = {},
): Promise<Linter> {
  speedUpDependencyGraph();
  useModernNimma();
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(rulesetPath, cacheDir, options));
  return spectral;
}

/**
 * A document already parsed, as Spectral takes it (no parse, no AST). Spectral asks for each result's
 * range; each is placed afterwards instead, in its source file.
 */
const parsedDocument = (data: unknown, source: string) => ({
  parsed: { data, diagnostics: [], ast: {}, lineMap: [] },
  getLocationForJsonPath: () => undefined,
  source,
});

/**
 * Lints a bundled API and moves each result to its source file and line (1-based in `range`
 * is not Spectral's way: ranges stay 0-based, as its formatters expect).
 * Spectral runs on the bundle, not on the sources: its resolver inlines files and cannot
 * follow a schema that refers to itself across files (the recursive `innerError`).
 * The bundle as text (Spectral parses it) or as a document already parsed, which Spectral takes as
 * it is (no parse, no AST: each result is placed from its path). Spectral's resolver freezes parts
 * of a document it is given: give it one nothing else uses (the build gives it a copy).
 */
export async function lintBundle(
  linter: Linter,
  bundle: string | object,
  bundlePath: string,
  root: string,
  components: Map<string, string>,
  read?: (file: string) => string,
): Promise<ISpectralDiagnostic[]> {
  const results = await linter.run(
    typeof bundle === "string" ? new Document(bundle, Parsers.Yaml, bundlePath) : parsedDocument(bundle, bundlePath),
  );
  return results.map((result) => {
    const where = sourceLocation(result.path, root, components, read);
    const start = { line: where.line - 1, character: where.column - 1 };
    return { ...result, source: where.file, range: { start, end: start } };
  });
}

/** A spec file's Redocly bundle, for `lintSource`: the bundled document and where its components came from. */
export interface SourceBundle {
  doc: unknown;
  /** Component name → the file it was bundled from (`componentsOf`). */
  components: Map<string, string>;
  /** The text of a component file (the reader the bundle was made with). */
  read: (file: string) => string;
  /** Components bundled from a `$ref` with a fragment (`fragmentComponents`): their file and path in it. */
  fragments?: Map<string, { file: string; path: string[] }>;
}

/**
 * Lints one spec file: Spectral runs on the document already parsed, `source.data`, or on its
 * `bundle` when the file has `$ref`s to other files; it parses no text. Each result is then placed
 * once, from its JSON path: `components.<kind>.<Name>…` of a bundle in that component's own file
 * (as `sourceLocation` does for the build), anything else in the file itself, with the AST of its
 * one parse. Results come sorted as Spectral sorts them: file, line, column, rule, path.
 */
export async function lintSource(
  linter: Linter,
  source: SpectralSource,
  bundle?: SourceBundle,
): Promise<ISpectralDiagnostic[]> {
  const results = await linter.run(parsedDocument(bundle ? bundle.doc : source.data, source.file));
  const place = sourcePlacer(source, bundle);
  return results
    .map((result) => {
      const where = place(result.path);
      const start = { line: where.line - 1, character: where.column - 1 };
      return { ...result, source: where.file, range: { start, end: start } };
    })
    .sort(compareResults);
}

/**
 * Where a JSON path of the document `lintSource` lints is written: `components.<kind>.<Name>…` of
 * a bundle in that component's own file (parsed when first asked for), anything else in the spec
 * file itself. File, line and column (1-based), and `path`: the part of the JSON path in that file
 * that it holds (a path that goes on past a `$ref` stops at the `$ref`).
 */
export function sourcePlacer(
  source: SpectralSource,
  bundle?: SourceBundle,
): (jsonPath: readonly (string | number)[]) => {
  file: string;
  line: number;
  column: number;
  path: (string | number)[];
} {
  const components = new Map<string, ReturnType<typeof parsePositions>>();
  const positionsOf = (file: string) => {
    const parsed = components.get(file) ?? parsePositions(bundle!.read(file));
    components.set(file, parsed);
    return parsed;
  };
  return (jsonPath) => {
    const name = jsonPath[0] === "components" && jsonPath.length >= 3 ? String(jsonPath[2]) : undefined;
    const fragment = name === undefined ? undefined : bundle?.fragments?.get(name);
    if (fragment) {
      const inFile = [...fragment.path, ...jsonPath.slice(3)];
      const { line, column, depth } = placeIn(positionsOf(fragment.file), inFile);
      return { file: fragment.file, line, column, path: inFile.slice(0, depth) };
    }
    const file = name === undefined ? undefined : bundle?.components.get(name);
    if (!bundle || !file || file === source.file) {
      const { line, column, depth } = placeIn(source, jsonPath);
      return { file: source.file, line, column, path: jsonPath.slice(0, depth) };
    }
    const { line, column, depth } = placeIn(positionsOf(file), jsonPath.slice(3));
    return { file, line, column, path: jsonPath.slice(3, 3 + depth) };
  };
}

/**
 * Components bundled from a `$ref` with a fragment (`responses.yaml#/NotFound`): Redocly names each
 * after the fragment's last segment; this maps that name to the file and the path in it (files
 * without such a `$ref` are only searched, not parsed).
 */
export function fragmentComponents(
  files: string[],
  read: (file: string) => string,
): Map<string, { file: string; path: string[] }> {
  const found = new Map<string, { file: string; path: string[] }>();
  for (const file of files) {
    const text = read(file);
    if (!/\$ref['"]?\s*:\s*['"]?[^#'"\s][^#'"\s]*#/.test(text)) continue;
    const stack: unknown[] = [parse(text)];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== "object" || node === null) continue;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === "object") stack.push(value);
        if (key !== "$ref" || typeof value !== "string" || value.startsWith("#") || !value.includes("#")) continue;
        const [target = "", fragment = ""] = value.split("#");
        const segments = pathOfPointer(fragment);
        const name = segments.at(-1);
        if (name) found.set(name, { file: path.resolve(path.dirname(file), target), path: segments });
      }
    }
  }
  return found;
}

/** Spectral's order of results (its `compareResults`, which it does not export). */
function compareResults(a: ISpectralDiagnostic, b: ISpectralDiagnostic): number {
  return (
    (a.source ?? "").localeCompare(b.source ?? "") ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    String(a.code).localeCompare(String(b.code), undefined, { numeric: true }) ||
    a.path.join().localeCompare(b.path.join())
  );
}

const severities = ["error", "warning", "warning", "warning"] as const;

/** A Spectral result as a build problem (errors and warnings only; info and hints are dropped by callers). */
export function toProblem(result: ISpectralDiagnostic): Problem {
  return {
    file: result.source ?? "?",
    line: result.range.start.line + 1,
    column: result.range.start.character + 1,
    severity: severities[result.severity] ?? "warning",
    rule: String(result.code),
    message: result.message,
  };
}

/** Component name → file, from the files a bundle read (a bundle names components after their files). */
export function componentsOf(files: string[]): Map<string, string> {
  const byName = new Map<string, string>();
  const clashes = new Set<string>();
  for (const file of files) {
    const name = path.basename(file).replace(/\.(ya?ml|json)$/, "");
    if (byName.has(name)) clashes.add(name);
    byName.set(name, file);
  }
  for (const name of clashes) byName.delete(name);
  return byName;
}

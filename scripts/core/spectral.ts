import path from "node:path";
import { Document, Spectral, type ISpectralDiagnostic } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { defaultCacheDir } from "./cache.js";
import type { Problem } from "./problems.js";
import { loadRuleset } from "./ruleset.js";
import { sourceLocation } from "./sources.js";

export type Linter = Spectral;

/** Loads a Spectral ruleset (`.spectral.yaml`) once, for every API of a build (bundled code cached in `cacheDir`). */
export async function loadLinter(
  rulesetPath: string,
  cacheDir: string = defaultCacheDir,
  options: { force?: boolean } = {},
): Promise<Linter> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(rulesetPath, cacheDir, options));
  return spectral;
}

/**
 * Lints a bundled API and moves each result to its source file and line (1-based in `range`
 * is not Spectral's way: ranges stay 0-based, as its formatters expect).
 * Spectral runs on the bundle, not on the sources: its resolver inlines files and cannot
 * follow a schema that refers to itself across files (the recursive `innerError`).
 */
export async function lintBundle(
  linter: Linter,
  bundleText: string,
  bundlePath: string,
  root: string,
  components: Map<string, string>,
  read?: (file: string) => string,
): Promise<ISpectralDiagnostic[]> {
  const results = await linter.run(new Document(bundleText, Parsers.Yaml, bundlePath));
  return results.map((result) => {
    const where = sourceLocation(result.path, root, components, read);
    const start = { line: where.line - 1, character: where.column - 1 };
    return { ...result, source: where.file, range: { start, end: start } };
  });
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

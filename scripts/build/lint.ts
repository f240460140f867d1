import fs from "node:fs";
import { Document, Spectral, type ISpectralDiagnostic } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import type { Problem } from "./problems.js";
import { sourceLocation } from "./sources.js";

export type Linter = Spectral;

/** Loads a Spectral ruleset (`.spectral.yaml`) once, for every API of a build. */
export async function loadLinter(rulesetPath: string): Promise<Linter> {
  const spectral = new Spectral();
  spectral.setRuleset(await bundleAndLoadRuleset(rulesetPath, { fs, fetch }));
  return spectral;
}

const severities = ["error", "warning", "warning", "warning"] as const;

/**
 * Lints a bundled API and reports each result at its source file and line.
 * Spectral runs on the bundle, not on the sources: its resolver inlines files and cannot
 * follow a schema that refers to itself across files (the recursive `innerError`).
 */
export async function lintBundle(
  linter: Linter,
  bundleText: string,
  bundlePath: string,
  root: string,
  components: Map<string, string>,
): Promise<Problem[]> {
  const results: ISpectralDiagnostic[] = await linter.run(new Document(bundleText, Parsers.Yaml, bundlePath));
  return results
    .filter((result) => result.severity <= 1)
    .map((result) => ({
      ...sourceLocation(result.path, root, components),
      severity: severities[result.severity] ?? "warning",
      rule: String(result.code),
      message: result.message,
    }));
}

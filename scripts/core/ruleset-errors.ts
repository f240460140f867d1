import fs from "node:fs";
import path from "node:path";
import { assertValidRuleset } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";

// Why a Spectral ruleset cannot be loaded, in one line: the file (and line) at fault and Spectral's
// own reason. Split from ruleset.ts, which loads rulesets; this reads what went wrong.

/**
 * A ruleset that cannot be loaded, said in one line: the file (and line) at fault and
 * Spectral's reason (`.spectral.yaml:2: the ruleset is invalid: rules.my-rule: …`).
 */
export class RulesetError extends Error {
  override name = "RulesetError";
}

/** A file as the command names it: relative to the working folder when it is inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
const firstLine = (text: string) => text.split("\n")[0]!.trim();
export const reasonOf = (error: unknown) => firstLine(error instanceof Error ? error.message : String(error));
export const cannotLoad = (file: string, reason: string) =>
  new RulesetError(`${shown(file)}: the ruleset cannot be loaded: ${reason}`);

/** A YAML or JSON file of a ruleset (the ruleset itself, or one it extends), as Spectral parses it. */
export interface Source {
  file: string;
  data: unknown;
  /** Where a JSON path of the file's data is written: its 1-based line. */
  lineOf: (at: (string | number)[]) => number | undefined;
}

/** Parses a ruleset file as Spectral does; a syntax error stops the load, at its line. */
export function parseSource(file: string, text: string): Source {
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
export function ownErrors(sources: Map<string, Source>): { source: Source; errors: ValidationError[] } | undefined {
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
export function describe(file: string, source: Source | undefined, errors: ValidationError[]): RulesetError {
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
export function invalid(file: string, error: unknown, sources: Map<string, Source>): RulesetError | undefined {
  // A rule set (`off`, a severity) that no ruleset it extends defines: Spectral names no file.
  const rule = /^Cannot extend non-existing rule: "([^"]+)"/.exec(reasonOf(error))?.[1];
  if (rule !== undefined) {
    const at = ["rules", rule];
    const source = [...sources.values()].find((candidate) => candidate.lineOf(at) !== undefined);
    const line = source?.lineOf(at);
    return new RulesetError(
      `${shown(source?.file ?? file)}${line ? `:${line}` : ""}: the ruleset is invalid: rules.${rule}: no rule of that name in the rulesets it extends`,
    );
  }
  const errors = validationErrors(error);
  if (errors.length === 0) return undefined;
  const own = ownErrors(sources);
  if (own) return describe(file, own.source, own.errors);
  // Not wrong as JSON (options a function does not take): the first file that has the path.
  const source = [...sources.values()].find((candidate) => candidate.lineOf(errors[0]!.path) !== undefined);
  return describe(file, source ?? sources.get(file), errors);
}

/**
 * A spec file parsed once, the way `spectral lint` parses it (@stoplight/yaml: the data, the AST
 * and the line map in one pass), within the reading limits; and where a JSON path of it is.
 *
 * `error-contracts lint` hands Spectral this parse when the file has no `$ref` to another file
 * (no Redocly at all), and seeds Redocly's bundler with it otherwise (the root is not parsed
 * again). Results are placed with the AST this parse made: no second parse or walk of the file.
 */
import Parsers from "@stoplight/spectral-parsers";
import { documentLimits } from "./read.js";
import { rootProblem } from "./root.js";

/** The node shapes of @stoplight/yaml-ast-parser read here (its `Kind`: MAP 2, SEQ 3). */
interface AstNode {
  kind: number;
  startPosition: number;
  mappings?: { key: AstNode | null; value: AstNode | null }[];
  items?: (AstNode | null)[];
  value?: unknown;
}
const MAP = 2;
const SEQ = 3;

export interface SpectralSource {
  file: string;
  text: string;
  /** The document as Spectral reads it (key order kept as in the file). */
  data: unknown;
  /** Whether some `$ref` leads to another file or a URL (one that does not start with `#`). */
  external: boolean;
  ast: AstNode | undefined;
  /** Where each line after the first starts, then the text's length + 1 (@stoplight/yaml's line map). */
  lineMap: number[];
}

/** Why a file cannot be linted, at a line where there is one. */
export interface Unlintable {
  why: string;
  line?: number;
  column?: number;
}

/** A YAML anchor (`&name` where a node starts) or a `__proto__` key could be there: read it with js-yaml first. */
const anchorOrProto = /(?:^|[\s[{,])&[^\s[\]{},]|__proto__/m;
const notYaml = (why: string, line?: number, column?: number): Unlintable => ({
  why: `not valid YAML or JSON: ${why}`,
  line,
  column,
});

/**
 * A reading that shares YAML aliases instead of copying them, where the text could hold one:
 * JSON.parse for JSON, Redocly's js-yaml for YAML with an anchor; undefined for other YAML.
 * @stoplight/yaml expands an alias by walking its anchor again, so an alias bomb would run for
 * hours there; this reading is held to `documentLimits` first.
 */
async function safeReading(file: string, text: string): Promise<{ data: unknown } | Unlintable | undefined> {
  if (/^\s*[{[]/.test(text)) {
    try {
      return { data: JSON.parse(text) };
    } catch {
      // YAML flow syntax, or broken: read as YAML.
    }
  }
  if (!anchorOrProto.test(text)) return undefined;
  const { parseYaml } = await import("@redocly/openapi-core");
  try {
    return { data: parseYaml(text, { filename: file }) };
  } catch (error) {
    if (error instanceof RangeError) return { why: "nested too deeply to read" };
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    return notYaml(reason ?? String(error), mark && mark.line + 1, mark && mark.column + 1);
  }
}

/**
 * The `yaml` package's account of a syntax error, which names the place better than
 * yaml-ast-parser's (the second document of a stream, not the first line); undefined where it
 * finds none (a duplicate key, which it is told to allow).
 */
async function yamlSyntaxError(text: string): Promise<Unlintable | undefined> {
  const { LineCounter, parseDocument } = await import("yaml");
  const lines = new LineCounter();
  const first = parseDocument(text, { lineCounter: lines, uniqueKeys: false }).errors[0];
  if (!first) return undefined;
  const { line, col } = lines.linePos(first.pos[0]);
  const message = (first.message.split("\n")[0] ?? "").replace(/:$/, "").replace(/ at line \d+, column \d+$/, "");
  return notYaml(message, line, col);
}

/** The one parse of a spec file's text, or why it cannot be linted. */
export async function parseSource(file: string, text: string): Promise<SpectralSource | Unlintable> {
  const checked = await checkedReading(file, text);
  if (checked && "why" in checked) return checked;
  let parsed: ReturnType<typeof Parsers.Yaml.parse>;
  try {
    parsed = Parsers.Yaml.parse(text);
  } catch (error) {
    if (error instanceof RangeError) return { why: "nested too deeply to read" };
    return notYaml(error instanceof Error ? error.message : String(error));
  }
  // Errors only: a key that is not a string (`200:`) is a warning of Spectral's parse; the data
  // holds it as a string, as the bundle this command used to lint did.
  const error = parsed.diagnostics.find((d) => d.severity === 0);
  if (error) {
    const { line, character } = error.range.start;
    return (await yamlSyntaxError(text)) ?? notYaml(error.message, line + 1, character + 1);
  }
  const why = (checked ? undefined : documentLimits(parsed.data)) ?? rootProblem(parsed.data, text);
  if (why) return { why };
  return {
    file,
    text,
    data: parsed.data,
    external: checked ? checked.external : hasExternalRef(parsed.data),
    ast: parsed.ast as AstNode | undefined,
    lineMap: parsed.lineMap as number[],
  };
}

/**
 * The limits and the `$ref`s, from the safe reading where there is one; that reading is let go
 * before Spectral's parse, so that the two are never in memory together.
 */
async function checkedReading(file: string, text: string): Promise<{ external: boolean } | Unlintable | undefined> {
  const safe = await safeReading(file, text);
  if (!safe || "why" in safe) return safe;
  const limit = documentLimits(safe.data);
  return limit ? { why: limit } : { external: hasExternalRef(safe.data) };
}

/** The AST and line map of a file already read within the limits (a component Redocly bundled), for `positionOf`. */
export function parsePositions(text: string): Pick<SpectralSource, "ast" | "lineMap"> {
  const parsed = Parsers.Yaml.parse(text);
  return { ast: parsed.ast as AstNode | undefined, lineMap: parsed.lineMap as number[] };
}

/** Whether a `$ref` of the document leads outside it (Redocly resolves a `$ref` wherever it stands). */
export function hasExternalRef(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string" && !child.startsWith("#")) return true;
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return false;
}

/**
 * Line and column (1-based) of the deepest node of `jsonPath` that the file holds: the start of
 * its key, or of its item in a sequence. The same place `sources.ts`'s `locate` finds with the
 * `yaml` package, found in the AST of the one parse.
 */
export function positionOf(
  source: Pick<SpectralSource, "ast" | "lineMap">,
  jsonPath: readonly (string | number)[],
): { line: number; column: number } {
  const { line, column } = placeIn(source, jsonPath);
  return { line, column };
}

/** `positionOf`, and how many segments of `jsonPath` the file holds (the node it names is `jsonPath.slice(0, depth)`). */
export function placeIn(
  source: Pick<SpectralSource, "ast" | "lineMap">,
  jsonPath: readonly (string | number)[],
): { line: number; column: number; depth: number } {
  let node = source.ast;
  let offset = node?.startPosition ?? 0;
  let depth = 0;
  for (const segment of jsonPath) {
    if (node?.kind === MAP) {
      const pair = node.mappings?.find((m) => m.key !== null && String(m.key.value) === String(segment));
      if (!pair?.key) break;
      offset = pair.key.startPosition;
      node = pair.value ?? undefined;
    } else if (node?.kind === SEQ) {
      const item = node.items?.[Number(segment)];
      if (!item) break;
      offset = item.startPosition;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { ...lineAndColumn(source.lineMap, offset), depth };
}

/** 1-based line and column of an offset, by binary search of the line map. */
export function lineAndColumn(lineMap: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineMap.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineMap[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  const start = low === 0 ? 0 : lineMap[low - 1]!;
  return { line: low + 1, column: offset - start + 1 };
}

import { BaseResolver, bundle, getLineColLocation, isAbsoluteUrl, loadConfig, type Config, type NormalizedProblem, type Source } from "@redocly/openapi-core";
import type { Problem } from "./problems.js";
import type { ApiRoot } from "./sources.js";

export interface BundledApi extends ApiRoot {
  /** The bundled document: one file, every external `$ref` turned into `#/components/…`. */
  doc: Record<string, unknown>;
  /** Every source file the bundle read. */
  files: string[];
}

export async function loadRedoclyConfig(configPath: string): Promise<Config> {
  return loadConfig({ configPath });
}

function toProblem(problem: NormalizedProblem): Problem {
  const location = problem.location[0];
  let line = 1;
  let column = 1;
  if (location) {
    try {
      ({ line, col: column } = getLineColLocation(location).start);
    } catch {
      // A file that does not parse has no line map; the message still names it.
    }
  }
  // The parser's own "(13:1)" is the more exact position of a syntax error.
  const own = /\((\d+):(\d+)\)\s*$/.exec(problem.message);
  if (own && /Failed to parse/.test(problem.message)) [line, column] = [Number(own[1]), Number(own[2])];
  return {
    file: location?.source.absoluteRef ?? "?",
    line,
    column,
    severity: problem.severity === "error" ? "error" : "warning",
    rule: problem.ruleId === "bundler" ? "bundle" : problem.ruleId,
    message: problem.message
      .replace(/ in "[^"]+" \(\d+:\d+\)$/, "")
      .replace(/^Can't resolve \$ref: ENOENT: no such file or directory '([^']+)'$/, "broken $ref: $1 does not exist")
      .replace(/^Can't resolve \$ref: (remote \$ref not fetched: .*)$/, "$1"),
  };
}

/** Reads local files only: a remote `$ref` is reported, never fetched. */
class LocalResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) throw new Error(`remote $ref not fetched: ${absoluteRef}`);
    return super.loadExternalRef(absoluteRef);
  }
}

/**
 * Bundles one API with Redocly: the one parse of its sources that every later step reads.
 * Clashing component names are an error instead of a silent `Error-2`.
 */
export async function bundleApi(api: ApiRoot, config: Config): Promise<{ api?: BundledApi; problems: Problem[] }> {
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: api.root, config, componentRenamingConflicts: "error", externalRefResolver: new LocalResolver() });
  } catch (error) {
    // The root itself does not parse: Redocly throws instead of reporting.
    const message = error instanceof Error ? error.message : String(error);
    const at = /\((\d+):(\d+)\)\s*$/.exec(message);
    const text = message.replace(/ in "[^"]+" \(\d+:\d+\)$/, "").split("\n")[0];
    return { problems: [{ file: api.root, line: Number(at?.[1] ?? 1), column: Number(at?.[2] ?? 1), severity: "error", rule: "bundle", message: `Failed to parse: ${text}` }] };
  }
  const problems = result.problems.filter((p) => !p.ignored).map(toProblem);
  // A file that failed to parse is reported once as "Failed to parse" and again by each
  // `$ref` to it; keep the first, which names the file and line of the syntax error.
  const unparsable = new Set(problems.filter((p) => /^Failed to parse/.test(p.message)).map((p) => p.file));
  const kept = problems.filter((p) => !(p.rule === "bundle" && /^Can't resolve \$ref: (?!ENOENT)/.test(p.message) && unparsable.size > 0));
  if (kept.some((p) => p.severity === "error")) return { problems: kept };
  const doc = result.bundle.parsed as Record<string, unknown>;
  return { api: { ...api, doc, files: [...result.fileDependencies].sort() }, problems: kept };
}

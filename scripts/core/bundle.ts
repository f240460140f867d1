import path from "node:path";
import {
  BaseResolver,
  bundle,
  getLineColLocation,
  isAbsoluteUrl,
  loadConfig,
  Source,
  type Config,
  type Document,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import type { Problem } from "./problems.js";
import type { ApiRoot } from "./sources.js";
import { documentLimits, lineAt, SourceReader, UnreadableFile } from "./read.js";
import { findRefLoop, refAt } from "./refs.js";
import { rootProblem } from "./root.js";

export interface BundledApi extends ApiRoot {
  /** The bundled document: one file, every external `$ref` turned into `#/components/…`. */
  doc: Record<string, unknown>;
  /** Every source file the bundle read. */
  files: string[];
}

export async function loadRedoclyConfig(configPath: string): Promise<Config> {
  return loadConfig({ configPath });
}

const problem = (file: string, message: string, line = 1, column = 1): Problem => ({
  file,
  line,
  column,
  severity: "error",
  rule: "bundle",
  message,
});

const sourceOf = (file: string, text: string) => new Source(file, text.replace(/\r\n/g, "\n"));

/**
 * Redocly's resolver, reading local files only (a remote `$ref` is reported, never fetched) and
 * through a `SourceReader`: within its limits, and hashing the bytes it read. A file that breaks a
 * limit is remembered in `failures` and reported at its own line, not only at the `$ref` to it.
 */
class LocalResolver extends BaseResolver {
  readonly failures: UnreadableFile[] = [];
  constructor(private readonly reader: SourceReader) {
    super();
  }

  private fail(failure: UnreadableFile): never {
    this.failures.push(failure);
    throw new Error(failure.reason);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) throw new Error(`remote $ref not fetched: ${absoluteRef}`);
    let text: string;
    try {
      text = this.reader.read(absoluteRef);
    } catch (error) {
      if (error instanceof UnreadableFile) this.fail(error);
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new Error(`ENOENT: no such file or directory '${absoluteRef}'`);
      throw error;
    }
    return sourceOf(absoluteRef, text);
  }

  /** The root as the caller parsed and checked it already: Redocly bundles it without a parse of its own. */
  seed(root: string, text: string, parsed: unknown): void {
    this.cache.set(root, Promise.resolve({ source: sourceOf(root, text), parsed }));
  }

  override parseDocument(source: Source, isRoot = false): Document {
    let document: Document;
    try {
      document = super.parseDocument(source, isRoot);
    } catch (error) {
      // js-yaml parses recursively: a deep enough document overflows the stack.
      if ((error as { originalError?: unknown }).originalError instanceof RangeError || error instanceof RangeError) {
        this.fail(new UnreadableFile(source.absoluteRef, "nested too deeply to read"));
      }
      throw error;
    }
    const limit = documentLimits(document.parsed);
    if (limit) {
      const alias = /(?:^|[\s[{,])\*[^\s,\]}]+/m.exec(source.body);
      const at = limit.includes("alias") && alias ? lineAt(source.body, alias.index) : { line: 1, column: 1 };
      this.fail(new UnreadableFile(source.absoluteRef, limit, at.line, at.column));
    }
    if (isRoot) {
      const why = rootProblem(document.parsed, source.body);
      if (why) this.fail(new UnreadableFile(source.absoluteRef, why));
    }
    return document;
  }
}

async function toProblem(p: NormalizedProblem, resolver: BaseResolver): Promise<Problem> {
  const location = p.location[0];
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
  const own = /\((\d+):(\d+)\)\s*$/.exec(p.message);
  if (own && /Failed to parse/.test(p.message)) [line, column] = [Number(own[1]), Number(own[2])];
  let message = p.message
    .replace(/ in "[^"]+" \(\d+:\d+\)$/, "")
    .replace(/^Can't resolve \$ref: ENOENT: no such file or directory '([^']+)'$/, "broken $ref: $1 does not exist")
    .replace(/^Can't resolve \$ref: (remote \$ref not fetched: .*)$/, "$1");
  if (message === "Can't resolve $ref" && location) {
    // Redocly names no pointer: say which, and in which file it was looked for.
    const ref = await refAt(resolver, location);
    if (ref) {
      const [file, pointer] = ref.split("#");
      const target = file ? path.resolve(path.dirname(location.source.absoluteRef), file) : location.source.absoluteRef;
      const where = path.relative(process.cwd(), target) || path.basename(target);
      const document = await resolver.cache.get(target)?.catch(() => undefined);
      const empty = document && "parsed" in document && (document.parsed === undefined || document.parsed === null);
      message = empty
        ? `broken $ref: ${ref}: ${where} is empty`
        : `broken $ref: ${ref}: ${where} has no #${pointer ?? ""}`;
    }
  }
  if (/^Can't resolve \$ref: Self-referencing circular pointer$/.test(message) && location) {
    const ref = await refAt(resolver, location);
    message = `$ref loop: ${ref ?? "this $ref"} leads back to itself through $refs alone (a $ref must end at a value)`;
  }
  return {
    file: location?.source.absoluteRef ?? "?",
    line,
    column,
    severity: p.severity === "error" ? "error" : "warning",
    rule: p.ruleId === "bundler" ? "bundle" : p.ruleId,
    message,
  };
}

/**
 * Bundles one API with Redocly: the one parse of its sources that every later step reads.
 * Clashing component names are an error instead of a silent `Error-2`. Files are read through
 * `reader` (a new one when none is given): its hashes are the bytes this bundle was made from.
 * `root`, when given, is the root already read through `reader`, parsed and checked (its limits,
 * OpenAPI 3.x): Redocly bundles that document, and changes it in place, instead of parsing it.
 */
export async function bundleApi(
  api: ApiRoot,
  config: Config,
  reader = new SourceReader(),
  root?: { text: string; parsed: unknown },
): Promise<{ api?: BundledApi; problems: Problem[] }> {
  const resolver = new LocalResolver(reader);
  if (root) resolver.seed(api.root, root.text, root.parsed);
  const failed = () => {
    const seen = new Set<string>();
    return resolver.failures
      .filter((f) => !seen.has(f.file) && seen.add(f.file))
      .map((f) => problem(f.file, f.reason, f.line, f.column));
  };
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({
      ref: api.root,
      config,
      componentRenamingConflicts: "error",
      externalRefResolver: resolver,
    });
  } catch (error) {
    if (resolver.failures.length > 0) return { problems: failed() };
    if (/Self-referencing circular pointer/.test(String(error))) {
      const loop = await findRefLoop(resolver);
      if (loop) {
        const names = loop.map(({ file, pointer }) => `${path.relative(process.cwd(), file)}${pointer}`);
        return {
          problems: [
            problem(
              loop[0]!.file,
              `$ref loop: ${names.join(" → ")}: these $refs lead only to each other, never to a value`,
            ),
          ],
        };
      }
    }
    // The root itself does not parse: Redocly throws instead of reporting.
    const message = error instanceof Error ? error.message : String(error);
    const at = /\((\d+):(\d+)\)\s*$/.exec(message);
    const text = message.replace(/ in "[^"]+" \(\d+:\d+\)$/, "").split("\n")[0];
    return { problems: [problem(api.root, `Failed to parse: ${text}`, Number(at?.[1] ?? 1), Number(at?.[2] ?? 1))] };
  }
  if (resolver.failures.length > 0) return { problems: failed() };
  const problems = await Promise.all(result.problems.filter((p) => !p.ignored).map((p) => toProblem(p, resolver)));
  // A file that failed to parse is reported once as "Failed to parse" and again by each
  // `$ref` to it; keep the first, which names the file and line of the syntax error.
  const unparsable = new Set(problems.filter((p) => /^Failed to parse/.test(p.message)).map((p) => p.file));
  const kept = problems.filter(
    (p) => !(p.rule === "bundle" && /^Can't resolve \$ref: (?!ENOENT)/.test(p.message) && unparsable.size > 0),
  );
  if (kept.some((p) => p.severity === "error")) return { problems: dedupe(kept) };
  const doc = result.bundle.parsed as Record<string, unknown>;
  return { api: { ...api, doc, files: [...result.fileDependencies].sort() }, problems: dedupe(kept) };
}

/** One line per problem: a `$ref` loop is reported by every `$ref` in it, at the same place. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

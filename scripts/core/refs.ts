import path from "node:path";
import type { BaseResolver, NormalizedProblem } from "@redocly/openapi-core";
import { pathOfRef, valueAt } from "../../src/openapi/index.js";

// What a broken `$ref` says and where it leads, read from the documents Redocly's resolver parsed:
// the bundler names neither a missing pointer nor the `$ref`s of a loop.

/** The node at a JSON pointer (`#/a/b`) of a parsed document. */
const nodeAt = (parsed: unknown, pointer: string): unknown =>
  valueAt(parsed, pathOfRef(pointer.startsWith("#") ? pointer : `#${pointer}`) ?? []);

const refOnly = (node: unknown): string | undefined => {
  const ref =
    typeof node === "object" && node !== null && Object.keys(node).length === 1
      ? (node as { $ref?: unknown }).$ref
      : undefined;
  return typeof ref === "string" ? ref : undefined;
};

/**
 * The `$ref`s that lead only to each other (Redocly says "Self-referencing circular pointer" and
 * no more): follows every `$ref`-only file and node the resolver has read, until one comes back.
 */
export async function findRefLoop(resolver: BaseResolver): Promise<{ file: string; pointer: string }[] | undefined> {
  const parsed = new Map<string, unknown>();
  for (const [file, pending] of resolver.cache) {
    const document = await pending.catch(() => undefined);
    if (document && "parsed" in document) parsed.set(file, document.parsed);
  }
  for (const start of parsed.keys()) {
    const chain: { file: string; pointer: string }[] = [];
    let at = { file: start, pointer: "" };
    for (let ref = refOnly(parsed.get(start)); ref !== undefined; ) {
      const index = chain.findIndex((step) => step.file === at.file && step.pointer === at.pointer);
      if (index !== -1) return [...chain.slice(index), at];
      chain.push(at);
      const [file, pointer = ""] = ref.split("#");
      at = { file: file ? path.resolve(path.dirname(at.file), file) : at.file, pointer: pointer ? `#${pointer}` : "" };
      ref = refOnly(nodeAt(parsed.get(at.file), at.pointer));
    }
  }
  return undefined;
}

/** What a `$ref` at a problem's location says, read from the document the resolver parsed. */
export async function refAt(
  resolver: BaseResolver,
  location: NormalizedProblem["location"][number],
): Promise<string | undefined> {
  const document = await resolver.cache.get(location.source.absoluteRef)?.catch(() => undefined);
  const node = nodeAt(document && "parsed" in document ? document.parsed : undefined, location.pointer ?? "#");
  const ref = typeof node === "object" && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof ref === "string" ? ref : undefined;
}

/**
 * Findings placed in the files a person edits: each finding's path in the base and head bundles →
 * `{ file, line, pointer }` in the file it came from (a component's own file, the file a fragment
 * `$ref` names, else the root), by `lint`'s placer (`sourcePlacer`).
 */
import fs from "node:fs";
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import type { JsonPath } from "../../src/openapi/index.js";
import type { BundledApi } from "../core/bundle.js";
import { componentsOf, fragmentComponents, sourcePlacer } from "../core/spectral.js";
import { lineAndColumn, parsePositions } from "../core/spectral-source.js";
import type { Finding, Place } from "./rules.js";

/** A version's bundle, and how its files are named to the reader (`openapi/messaging/openapi.yaml`). */
export interface Version {
  api: BundledApi;
  name: (file: string) => string;
}

/** An RFC 6901 JSON pointer (`/paths/~1items/get`), not a URI fragment: nothing is percent-encoded. */
const pointerOf = (path: JsonPath) =>
  path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

/**
 * A spec of one JSON file (GitHub's is 13 MB) placed with jsonc-parser's tree: a third of the time
 * of the YAML parser's AST, which the multi-file YAML specs this repo writes keep using.
 */
function jsonPlacer(version: Version, text: string): (at: JsonPath) => Place {
  const tree = parseTree(text);
  // The line map `lineAndColumn` reads: where each line after the first starts, then the text's length + 1.
  const lineMap: number[] = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineMap.push(i + 1);
  lineMap.push(text.length + 1);
  const file = version.name(version.api.root);
  return (at) => {
    let node = tree;
    let depth = 0;
    for (const key of at) {
      const next =
        node &&
        findNodeAtLocation(node, [
          typeof key === "number" ? key : /^\d+$/.test(key) && node.type === "array" ? Number(key) : key,
        ]);
      if (!next) break;
      node = next;
      depth++;
    }
    // A member's line is its key's, as the YAML placer gives it.
    const start = node?.parent?.type === "property" ? node.parent.offset : (node?.offset ?? 0);
    return { file, line: lineAndColumn(lineMap, start).line, pointer: pointerOf(at.slice(0, depth)) };
  };
}

function placer(version: Version): (at: JsonPath) => Place {
  const { root, files } = version.api;
  // The bundle read the files within their limits already: only their positions are wanted here,
  // and each file is read once.
  const texts = new Map<string, string>();
  const read = (file: string) => {
    const text = texts.get(file) ?? fs.readFileSync(file, "utf8");
    texts.set(file, text);
    return text;
  };
  const text = read(root);
  if (files.length === 1 && /^\s*\{/.test(text)) return jsonPlacer(version, text);
  const source = { file: root, text, data: undefined, external: false, ...parsePositions(text) };
  const fragments = fragmentComponents(files, read);
  const place = sourcePlacer(source, { doc: version.api.doc, components: componentsOf(files), read, fragments });
  return (at) => {
    const { file, line, path: inFile } = place(at);
    return { file: version.name(file), line, pointer: pointerOf(inFile) };
  };
}

/** The findings with `base` and `head` places (the files are parsed only when there are findings). */
export function placeFindings(findings: Finding[], base: Version, head: Version): Finding[] {
  if (findings.length === 0) return findings;
  const [inBase, inHead] = [placer(base), placer(head)];
  return findings.map(({ paths, ...finding }) =>
    paths ? { ...finding, base: inBase(paths.base), head: inHead(paths.head) } : finding,
  );
}

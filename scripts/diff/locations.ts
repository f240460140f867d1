/**
 * Findings placed in the files a person edits: each finding's path in the base and head bundles →
 * `{ file, line, pointer }` in the file it came from (a component's own file, else the root), as
 * `lint` places its results (`sourcePlacer`).
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { type JsonPath, pathOfPointer } from "../../src/openapi/index.js";
import type { BundledApi } from "../core/bundle.js";
import { componentsOf, sourcePlacer } from "../core/spectral.js";
import { parsePositions, placeIn } from "../core/spectral-source.js";
import type { Finding, Place } from "./rules.js";

/** A version's bundle, and how its files are named to the reader (`openapi/messaging/openapi.yaml`). */
export interface Version {
  api: BundledApi;
  name: (file: string) => string;
}

/** An RFC 6901 JSON pointer (`/paths/~1items/get`), not a URI fragment: nothing is percent-encoded. */
const pointerOf = (path: JsonPath) =>
  path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

const read = (file: string) => fs.readFileSync(file, "utf8");

/**
 * Components bundled from a `$ref` with a fragment (`responses.yaml#/NotFound`): Redocly names each
 * after the fragment's last segment; this maps that name to the file and the path in it.
 */
function fragmentComponents(files: string[]): Map<string, { file: string; path: string[] }> {
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

function placer(version: Version): (at: JsonPath) => Place {
  const { root, files } = version.api;
  // The bundle read the files within their limits already: only their positions are wanted here.
  const text = read(root);
  const source = { file: root, text, data: undefined, external: false, ...parsePositions(text) };
  const place = sourcePlacer(source, { doc: version.api.doc, components: componentsOf(files), read });
  const fragments = fragmentComponents(files);
  const positions = new Map<string, ReturnType<typeof parsePositions>>();
  return (at) => {
    const fragment = at[0] === "components" && at.length >= 3 ? fragments.get(String(at[2])) : undefined;
    if (fragment) {
      const parsed = positions.get(fragment.file) ?? parsePositions(read(fragment.file));
      positions.set(fragment.file, parsed);
      const inFile = [...fragment.path, ...at.slice(3)];
      const { line, depth } = placeIn(parsed, inFile);
      return { file: version.name(fragment.file), line, pointer: pointerOf(inFile.slice(0, depth)) };
    }
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

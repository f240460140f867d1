/**
 * Findings placed in the files a person edits: each finding's path in the base and head bundles →
 * `{ file, line, pointer }` in the file it came from (a component's own file, else the root), as
 * `lint` places its results (`sourcePlacer`).
 */
import fs from "node:fs";
import type { JsonPath } from "../../src/openapi/index.js";
import type { BundledApi } from "../core/bundle.js";
import { componentsOf, sourcePlacer } from "../core/spectral.js";
import { parsePositions } from "../core/spectral-source.js";
import type { Finding, Place } from "./rules.js";

/** A version's bundle, and how its files are named to the reader (`openapi/messaging/openapi.yaml`). */
export interface Version {
  api: BundledApi;
  name: (file: string) => string;
}

/** An RFC 6901 JSON pointer (`/paths/~1items/get`), not a URI fragment: nothing is percent-encoded. */
const pointerOf = (path: JsonPath) =>
  path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

function placer(version: Version): (path: JsonPath) => Place {
  const { root, files } = version.api;
  const read = (file: string) => fs.readFileSync(file, "utf8");
  // The bundle read the file within its limits already: only its positions are wanted here.
  const text = read(root);
  const source = { file: root, text, data: undefined, external: false, ...parsePositions(text) };
  const place = sourcePlacer(source, { doc: version.api.doc, components: componentsOf(files), read });
  return (path) => {
    const { file, line, path: inFile } = place(path);
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

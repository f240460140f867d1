import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Node } from "yaml";
import type { Problem } from "./problems.js";

/** An API of a spec folder: `<spec>/<id>/openapi.yaml`. */
export interface ApiRoot {
  id: string;
  root: string;
}

/** The APIs to build: every `<dir>/<id>/openapi.yaml`, or one root file given directly. */
export function findApiRoots(spec: string): ApiRoot[] {
  const stat = fs.statSync(spec, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${spec}: no such file or folder`);
  if (stat.isFile()) {
    const id = path.basename(path.dirname(path.resolve(spec)));
    return [{ id, root: path.resolve(spec) }];
  }
  const roots = fs
    .readdirSync(spec, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ id: entry.name, root: path.resolve(spec, entry.name, "openapi.yaml") }))
    .filter((api) => fs.existsSync(api.root))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (roots.length === 0) throw new Error(`${spec}: no <api>/openapi.yaml in this folder`);
  return roots;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Component name → source file, for every file under `<spec>/components`.
 * A bundle names each component after its file, so this map leads from a path in the
 * bundle (`components.examples.Messaging30011.value`) back to the file a person edits.
 * Two files with one name would be renamed by the bundler (`Error-2`): that is a problem.
 */
export function componentFiles(
  componentsDir: string,
  listed: string[] = yamlFiles(componentsDir),
): { files: Map<string, string>; problems: Problem[] } {
  const files = new Map<string, string>();
  const problems: Problem[] = [];
  for (const file of listed.filter((name) => /\.ya?ml$/.test(name))) {
    const name = path.basename(file).replace(/\.ya?ml$/, "");
    const first = files.get(name);
    if (first) {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: "error",
        rule: "component-names",
        message: `component name ${name} is taken by ${path.relative(componentsDir, first)}: file names under components/ must be unique`,
      });
    } else {
      files.set(name, file);
    }
  }
  return { files, problems };
}

const readOrEmpty = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
const parsedFiles = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();

/** Line and column (1-based) of the deepest node of `jsonPath` that exists in a YAML file. */
export function locate(
  file: string,
  jsonPath: readonly (string | number)[],
  read: (file: string) => string = readOrEmpty,
): { line: number; column: number } {
  let parsed = parsedFiles.get(file);
  if (!parsed) {
    const lines = new LineCounter();
    const text = read(file);
    parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
    parsedFiles.set(file, parsed);
  }
  let node: Node | null | undefined = parsed.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of jsonPath) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === String(key),
      );
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

/** Forget cached parses (the watch mode and tests edit files between builds). */
export function forgetParsedFiles(): void {
  parsedFiles.clear();
}

/**
 * Maps a JSON path in a bundled API back to the source file and line a person edits (read with
 * `read`: the build passes its reader, so lines come from the bytes it built from):
 * `components.<kind>.<Name>.…` → the component's own file; anything else → the API root.
 */
export function sourceLocation(
  jsonPath: readonly (string | number)[],
  root: string,
  components: Map<string, string>,
  read?: (file: string) => string,
): { file: string; line: number; column: number } {
  if (jsonPath[0] === "components" && jsonPath.length >= 3) {
    const file = components.get(String(jsonPath[2]));
    if (file) return { file, ...locate(file, jsonPath.slice(3), read) };
  }
  return { file: root, ...locate(root, jsonPath, read) };
}

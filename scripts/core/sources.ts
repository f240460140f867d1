import fs from "node:fs";
import path from "node:path";
import { LineCounter, parse, parseDocument, isMap, isSeq, type Node } from "yaml";
import type { Problem } from "./problems.js";
import { SourceReader } from "./read.js";
import { idFromTitle, rootNames } from "./root.js";

/** An API of a spec folder: `<spec>/<id>/openapi.yaml`. */
export interface ApiRoot {
  id: string;
  root: string;
}

/** A root file that is not built, and why, in words a person can act on. */
export interface SkippedRoot {
  file: string;
  reason: string;
}

/** Reads a file's text: the build passes its reader, so that a root is read once, within the limits. */
type Read = (file: string) => string;
const readWithinLimits: Read = (file) => new SourceReader().read(file);

const isFolder = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
const isRootName = (file: string) => (rootNames as readonly string[]).includes(path.basename(file));

/** `<spec>/<api>/openapi.yaml` beside `<spec>/components/`: a root whose folder names its API. */
const inApiFolder = (root: string) => isRootName(root) && isFolder(path.join(root, "..", "..", "components"));

/**
 * The spec folder of what `build` is given: a folder itself; for a root in an API folder
 * (`<spec>/<api>/openapi.yaml`), `<spec>`; for any other file, its own folder.
 */
export function specFolderOf(spec: string): string {
  const file = path.resolve(spec);
  if (isFolder(file)) return file;
  return inApiFolder(file) ? path.dirname(path.dirname(file)) : path.dirname(file);
}

/** The `info.title` of a root, or undefined when it has none or cannot be read (the bundle step says why). */
function titleIn(file: string, read: Read): unknown {
  try {
    const text = read(file);
    const doc = file.endsWith(".json") ? JSON.parse(text) : parse(text);
    return doc?.info?.title;
  } catch {
    return undefined;
  }
}

/** The root files a folder holds, the one it is built from first. */
const rootFilesIn = (dir: string) =>
  rootNames
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile());

/**
 * The name of the API of one file (absolute): its folder's when that is an API folder of a spec folder, else
 * its `info.title`'s (`title`, asked only then), else its file's (or its folder's, for an `openapi.*` file).
 */
export function fileApiId(file: string, title: () => unknown): string {
  if (inApiFolder(file)) return path.basename(path.dirname(file));
  const own = isRootName(file) ? path.basename(path.dirname(file)) : path.basename(file).replace(/\.[^.]+$/, "");
  return idFromTitle(title()) ?? idFromTitle(own) ?? "api";
}

/**
 * The APIs to build, and the root files left out. A folder: every `<dir>/<id>/openapi.yaml` (or
 * `.yml`, `.json`), named `<id>`, and a root at the top of the folder, named after its `info.title`.
 * One file: named after its folder when that is an API folder of a spec folder, else its `info.title`.
 * Without a title, the file's name (or its folder's, for an `openapi.*` file) names the API.
 */
export function findRoots(spec: string, read: Read = readWithinLimits): { roots: ApiRoot[]; skipped: SkippedRoot[] } {
  const stat = fs.statSync(spec, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${spec}: no such file or folder`);
  const given = path.resolve(spec);
  if (stat.isFile()) {
    return { roots: [{ id: fileApiId(given, () => titleIn(given, read)), root: given }], skipped: [] };
  }
  const skipped: SkippedRoot[] = [];
  const shown = (file: string) => path.relative(given, file).split(path.sep).join("/");
  const rootOf = (dir: string): string | undefined => {
    const [root, ...others] = rootFilesIn(dir);
    for (const file of others) skipped.push({ file, reason: `${shown(root!)} is this folder's root` });
    return root;
  };
  const roots = fs
    .readdirSync(given, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const root = rootOf(path.join(given, entry.name));
      return root ? [{ id: entry.name, root }] : [];
    });
  const top = rootOf(given);
  if (top) {
    const titled = idFromTitle(titleIn(top, read));
    const id = titled ?? idFromTitle(path.basename(given)) ?? "api";
    const taken = roots.find((api) => api.id === id);
    const from = titled ? "info.title" : "the folder's name";
    if (taken)
      skipped.push({ file: top, reason: `its API name ${id} (from ${from}) is taken by ${shown(taken.root)}` });
    else roots.push({ id, root: top });
  }
  if (roots.length === 0)
    throw new Error(`${spec}: no openapi.yaml or openapi.json in this folder or its <api>/ folders`);
  roots.sort((a, b) => a.id.localeCompare(b.id));
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { roots, skipped };
}

/** The APIs to build (`findRoots` without what it leaves out). */
export const findApiRoots = (spec: string): ApiRoot[] => findRoots(spec).roots;

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

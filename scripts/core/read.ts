import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Reading a spec's files with limits, and remembering exactly which bytes were read.
 *
 * Every command that reads a spec (build, lint, diff) reads it through a `SourceReader`: a file is
 * read once, checked (size, UTF-8), and its hash is taken from the bytes that were read, at the
 * moment they were read. The build's cache records those hashes, so a file saved while a build
 * runs is seen as changed by the next build instead of being recorded as built.
 */

/** The largest file a spec may hold (GitHub's description, the largest public one we know, is 13 MB). */
export const maxFileBytes = 64 * 1024 * 1024;
/** How deeply a document may nest: far beyond any real spec, well within every later step's stack. */
export const maxDepth = 256;
/** How many nodes YAML aliases may add to a document when expanded (an alias bomb adds billions). */
export const maxAliasExpansion = 1_000_000;

/** A file that cannot be read as a spec file: one line, with the line number where there is one. */
export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(`${file}: ${reason}`);
    this.name = "UnreadableFile";
  }
}

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Line and column (1-based) of a character offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a file's bytes as UTF-8, or throws `UnreadableFile` naming the byte offset of the first bad byte. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = Math.max(0, invalidUtf8At(bytes));
    const before = Buffer.from(bytes.subarray(0, offset)).toString("utf8");
    const { line, column } = lineAt(before, before.length);
    const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, "0");
    throw new UnreadableFile(
      file,
      `not UTF-8: byte 0x${byte} at byte offset ${offset} (line ${line}): save the file as UTF-8`,
      line,
      column,
    );
  }
}

/**
 * Reads spec files once each, within the limits, and keeps the hash of the bytes each read returned
 * (`hashes`), and a hash of the names in each folder it listed (`listings`).
 */
export class SourceReader {
  readonly hashes = new Map<string, string>();
  readonly listings = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  /** The text of a file (UTF-8, at most `maxFileBytes`), read from disk on first use. */
  read(file: string): string {
    const absolute = path.resolve(file);
    const known = this.texts.get(absolute);
    if (known !== undefined) return known;
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) throw new UnreadableFile(absolute, "is a folder, not a file");
    // A device or a FIFO reports size 0 and may never end: only regular files are read.
    if (!stat.isFile()) throw new UnreadableFile(absolute, "is not a regular file (a device, a pipe or a socket)");
    if (stat.size > maxFileBytes)
      throw new UnreadableFile(
        absolute,
        `${megabytes(stat.size)} is over the ${megabytes(maxFileBytes)} limit for one file`,
      );
    const bytes = readAtMost(absolute, maxFileBytes + 1);
    if (bytes.length > maxFileBytes)
      throw new UnreadableFile(
        absolute,
        `${megabytes(bytes.length)} is over the ${megabytes(maxFileBytes)} limit for one file`,
      );
    const text = decodeUtf8(absolute, bytes);
    this.hashes.set(absolute, sha256(bytes));
    this.texts.set(absolute, text);
    return text;
  }

  /** Every file below `dir` whose name `keep` accepts (sorted); the listing's hash is remembered. */
  list(dir: string, keep: (name: string) => boolean = () => true): string[] {
    const absolute = path.resolve(dir);
    const files = fs.existsSync(absolute)
      ? fs
          .readdirSync(absolute, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && keep(entry.name))
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [];
    this.listings.set(absolute, listingHash(absolute, files));
    return files;
  }
}

/** At most `limit` bytes of a file: a file that grows while it is read cannot take all memory. */
function readAtMost(file: string, limit: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // Chunks sized to the file (one read, and a small one to see its end; 1 MiB at a time once it has grown), not
    // zero-filled: only what was read is kept.
    const size = fs.fstatSync(fd).size;
    for (;;) {
      const wanted = total < size ? size - total : total === size ? 1 << 12 : 1 << 20;
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total, wanted));
      const read = chunk.length > 0 ? fs.readSync(fd, chunk, 0, chunk.length, null) : 0;
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** The hash of a folder's listing: which files it holds, not their bytes. */
export function listingHash(dir: string, files: string[]): string {
  return sha256(files.map((file) => path.relative(dir, file)).join("\0"));
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Checks a parsed document without recursion: no deeper than `maxDepth`, no alias that contains
 * itself, and aliases that add at most `maxAliasExpansion` nodes when the document is expanded (as
 * every later step expands it). Returns why not, or undefined.
 */
export function documentLimits(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  // js-yaml makes `__proto__` an own key; Redocly's and Spectral's object handling then fail far away.
  if (Object.hasOwn(value, "__proto__")) return 'a top-level key named "__proto__" is not allowed';
  // Depth first, one child at a time: `open` is the path from the root. A node's weight is 1 + its
  // members; `expanded` weighs a shared node (a YAML alias) once per use, `own` once.
  const expanded = new Map<object, number>();
  const open = new Set<object>([value]);
  const stack: { node: object; depth: number; children: object[]; next: number; weight: number }[] = [];
  const push = (node: object, depth: number) => {
    const values = Object.values(node);
    const children = values.filter((child): child is object => typeof child === "object" && child !== null);
    // A node weighs 1 + its members + 1 per 64 characters of its strings: an alias of a long
    // string, repeated, is as costly as an alias of a large object.
    let weight = 1 + values.length;
    for (const value of values) if (typeof value === "string") weight += Math.floor(value.length / 64);
    stack.push({ node, depth, children, next: 0, weight });
  };
  push(value, 1);
  let own = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = top.children[top.next++];
    if (child !== undefined) {
      if (expanded.has(child)) continue;
      if (open.has(child)) return "a YAML alias refers to a node that contains it (a loop)";
      if (top.depth + 1 > maxDepth) return `nested more than ${maxDepth} levels deep`;
      open.add(child);
      push(child, top.depth + 1);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    own += top.weight;
    let total = top.weight;
    for (const c of top.children) total = Math.min(total + expanded.get(c)!, Number.MAX_SAFE_INTEGER);
    expanded.set(top.node, total);
  }
  if (expanded.get(value)! - own > maxAliasExpansion) {
    return `YAML aliases expand it by more than ${maxAliasExpansion.toLocaleString("en")} nodes (an alias bomb?)`;
  }
  return undefined;
}

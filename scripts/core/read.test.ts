import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8, documentLimits, invalidUtf8At, maxDepth, SourceReader, UnreadableFile } from "./read.js";

describe("invalidUtf8At", () => {
  it.each([
    ["ASCII", [0x61, 0x62], -1],
    ["two-byte é", [0xc3, 0xa9], -1],
    ["a four-byte emoji", [0xf0, 0x9f, 0x98, 0x80], -1],
    ["a lone continuation byte", [0x61, 0x80], 1],
    ["0xFF", [0x61, 0x62, 0xff], 2],
    ["an overlong slash", [0xc0, 0xaf], 0],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["a sequence cut short", [0x61, 0xe2, 0x82], 1],
  ])("%s → %i", (_name, bytes, want) => {
    expect(invalidUtf8At(Uint8Array.from(bytes))).toBe(want);
  });
});

describe("decodeUtf8", () => {
  it("names the byte, its offset and its line", () => {
    const bytes = Buffer.concat([Buffer.from("a: 1\nb: "), Buffer.from([0xff])]);
    expect(() => decodeUtf8("x.yaml", bytes)).toThrow(
      "x.yaml: not UTF-8: byte 0xFF at byte offset 8 (line 2): save the file as UTF-8",
    );
  });
});

describe("documentLimits", () => {
  const nested = (levels: number) => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 1; i < levels; i++) {
      const child: Record<string, unknown> = {};
      node.x = child;
      node = child;
    }
    return root;
  };
  it("accepts a document as deep as the limit, and sharing that adds little", () => {
    const shared = { a: 1 };
    expect(documentLimits(nested(maxDepth))).toBeUndefined();
    expect(documentLimits({ one: shared, two: shared, three: [shared, shared] })).toBeUndefined();
  });
  it("refuses one level more, a loop, and an alias bomb", () => {
    expect(documentLimits(nested(maxDepth + 1))).toBe(`nested more than ${maxDepth} levels deep`);
    const loop: Record<string, unknown> = {};
    loop.self = [loop];
    expect(documentLimits(loop)).toMatch(/loop/);
    let bomb: unknown = ["lol"];
    for (let i = 0; i < 9; i++) bomb = Array(9).fill(bomb);
    expect(documentLimits({ bomb })).toMatch(/^YAML aliases expand it by more than 1,000,000 nodes/);
  });
  it("weighs long strings: ten thousand aliases of a 100 KB string are a bomb too", () => {
    const long = "x".repeat(100_000);
    let strings: unknown = Array(10).fill(long);
    for (let i = 0; i < 4; i++) strings = Array(10).fill(strings);
    expect(documentLimits({ strings })).toMatch(/^YAML aliases expand it/);
    expect(documentLimits({ one: long, two: [long] })).toBeUndefined();
  });
  it("refuses a top-level __proto__ key", () => {
    expect(documentLimits(JSON.parse('{"__proto__": {"polluted": 1}}'))).toMatch(/__proto__/);
  });
});

describe("SourceReader", () => {
  it("reads each file once and keeps the hash of the bytes it read, not of what is there later", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-"));
    const file = path.join(dir, "a.yaml");
    fs.writeFileSync(file, "a: 1\n");
    const reader = new SourceReader();
    expect(reader.read(file)).toBe("a: 1\n");
    const hash = reader.hashes.get(file);
    fs.writeFileSync(file, "a: 2\n");
    expect(reader.read(file)).toBe("a: 1\n");
    expect(reader.hashes.get(file)).toBe(hash);
    expect(new SourceReader().read(file)).toBe("a: 2\n");
    expect(() => reader.read(dir)).toThrow(UnreadableFile);
    fs.rmSync(dir, { recursive: true });
  });
  it("reads only regular files: a device or a FIFO is refused at once, never read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-"));
    fs.symlinkSync("/dev/zero", path.join(dir, "zero.yaml"));
    spawnSync("mkfifo", [path.join(dir, "fifo.yaml")]);
    const reader = new SourceReader();
    expect(() => reader.read(path.join(dir, "zero.yaml"))).toThrow(/is not a regular file/);
    expect(() => reader.read(path.join(dir, "fifo.yaml"))).toThrow(/is not a regular file/);
    fs.rmSync(dir, { recursive: true });
  });

  it("hashes a folder's listing: a new file changes it, an edit does not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-"));
    fs.writeFileSync(path.join(dir, "a.yaml"), "a: 1\n");
    const listed = () => {
      const reader = new SourceReader();
      reader.list(dir);
      return reader.listings.get(dir);
    };
    const before = listed();
    fs.writeFileSync(path.join(dir, "a.yaml"), "a: 2\n");
    expect(listed()).toBe(before);
    fs.writeFileSync(path.join(dir, "b.yaml"), "b: 1\n");
    expect(listed()).not.toBe(before);
    fs.rmSync(dir, { recursive: true });
  });
});

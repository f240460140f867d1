import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  filesBelow,
  hashAll,
  hashFile,
  manifestPath,
  readManifest,
  unchanged,
  writeManifest,
  type CacheManifest,
} from "./cache.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const { dir, write } = scratchDir("cache");

describe("hashes", () => {
  it("change with a file's bytes and name, and not otherwise", () => {
    const a = write("a/one.yaml", "x: 1\n");
    const b = write("a/two.yaml", "x: 2\n");
    const before = hashAll([a, b], ["tool 1.0"]);
    expect(hashAll([a, b], ["tool 1.0"])).toBe(before);
    expect(hashAll([a, b], ["tool 1.1"])).not.toBe(before);
    fs.writeFileSync(b, "x: 3\n");
    expect(hashAll([a, b], ["tool 1.0"])).not.toBe(before);
    expect(hashFile(path.join(dir, "missing"))).toBeUndefined();
    expect(filesBelow(path.join(dir, "a"))).toEqual([a, b]);
  });

  it("tell whether recorded files are unchanged, missing counting as changed", () => {
    const file = write("b/out.txt", "out");
    const recorded = { "b/out.txt": hashFile(file)! };
    expect(unchanged(recorded, dir)).toBe(true);
    fs.writeFileSync(file, "edited");
    expect(unchanged(recorded, dir)).toBe(false);
    fs.rmSync(file);
    expect(unchanged(recorded, dir)).toBe(false);
  });
});

describe("manifest", () => {
  const manifest: CacheManifest = {
    toolKey: "k1",
    shared: {},
    apis: { shop: { inputs: { "/x.yaml": "h" }, outputs: {}, doc: { openapi: "3.1.0" }, warnings: [] } },
  };
  it("is read back only with the same tool key", () => {
    const file = manifestPath(path.join(dir, "cache"), path.join(dir, "generated"));
    expect(readManifest(file, "k1")).toBeUndefined();
    writeManifest(file, manifest);
    expect(readManifest(file, "k1")).toEqual(manifest);
    expect(readManifest(file, "k2")).toBeUndefined();
  });
  it("is kept per output folder", () => {
    expect(manifestPath("/c", "/a/generated")).not.toBe(manifestPath("/c", "/b/generated"));
  });
});

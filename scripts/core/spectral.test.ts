/**
 * `lintSource` places results with the AST of the one parse (and bundles the root from it): the
 * same file, line and column as the bundle-then-`sourceLocation` way it replaced, for every JSON
 * path of every bundle of this repo's APIs and the multi-file fixture.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Config } from "@redocly/openapi-core";
import { bundleApi, loadRedoclyConfig } from "./bundle.js";
import { SourceReader } from "./read.js";
import { sourceLocation } from "./sources.js";
import { componentsOf, sourcePlacer } from "./spectral.js";
import { parseSource, type SpectralSource } from "./spectral-source.js";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const roots = [
  ...["messaging", "partner", "referrals", "sales"].map((api) => `openapi/${api}/openapi.yaml`),
  "test/fixtures/lint/multi-file/openapi.yaml",
];

/** Every JSON path in a document, the document's own (`[]`) included. */
function everyPath(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) everyPath(item, [...at, i], out);
  } else if (typeof value === "object" && value !== null)
    for (const [key, child] of Object.entries(value)) everyPath(child, [...at, key], out);
  return out;
}

let config: Config;
beforeAll(async () => {
  config = await loadRedoclyConfig(path.join(repoRoot, "redocly.yaml"));
});

describe.each(roots)("%s", (relative) => {
  const root = path.join(repoRoot, relative);

  it("bundled from the one parse: the same bundle as Redocly's own parse makes", async () => {
    const before = await bundleApi({ id: "api", root }, config);
    const reader = new SourceReader();
    const source = (await parseSource(root, reader.read(root))) as SpectralSource;
    expect(source.external).toBe(true);
    const after = await bundleApi({ id: "api", root }, config, reader, { text: source.text, parsed: source.data });
    expect(after.problems).toEqual(before.problems);
    expect(JSON.stringify(after.api!.doc)).toBe(JSON.stringify(before.api!.doc));
    expect(after.api!.files).toEqual(before.api!.files);
  });

  it("every path of the bundle at the same file, line and column as sourceLocation", async () => {
    const reader = new SourceReader();
    const source = (await parseSource(root, reader.read(root))) as SpectralSource;
    const { api } = await bundleApi({ id: "api", root }, config, reader, { text: source.text, parsed: source.data });
    const components = componentsOf(api!.files);
    const place = sourcePlacer(source, { doc: api!.doc, components, read: (file) => reader.read(file) });
    const paths = everyPath(api!.doc);
    expect(paths.length).toBeGreaterThan(50);
    const differ = paths.filter((p) => {
      const [want, got] = [sourceLocation(p, root, components), place(p)];
      return want.file !== got.file || want.line !== got.line || want.column !== got.column;
    });
    expect(differ.map((p) => p.join("."))).toEqual([]);
  });
});

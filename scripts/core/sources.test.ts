import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentFiles, findApiRoots, findRoots, locate, sourceLocation, specFolderOf } from "./sources.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const { dir, write } = scratchDir("sources");

const example = write(
  "spec/components/examples/a/ShopGone.yaml",
  "summary: s\nx-error:\n  status: 404\nvalue:\n  errors:\n    - code: GONE\n      message: m\n",
);
const root = write(
  "spec/shop/openapi.yaml",
  "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      responses:\n        '404':\n          $ref: x\n",
);
write("spec/empty/README.md", "no root here\n");

describe("locate", () => {
  const cases: { given: (string | number)[]; want: { line: number; column: number } }[] = [
    { given: [], want: { line: 1, column: 1 } },
    { given: ["x-error", "status"], want: { line: 3, column: 3 } },
    { given: ["value", "errors", 0, "code"], want: { line: 6, column: 7 } },
    { given: ["value", "errors", 0, "missing"], want: { line: 6, column: 7 } },
    { given: ["nowhere", "at", "all"], want: { line: 1, column: 1 } },
  ];
  it.each(cases)("$given", ({ given, want }) => expect(locate(example, given)).toEqual(want));
});

describe("sourceLocation", () => {
  const components = new Map([["ShopGone", example]]);
  it("leads a component path to the component's file", () => {
    expect(sourceLocation(["components", "examples", "ShopGone", "x-error", "status"], root, components)).toEqual({
      file: example,
      line: 3,
      column: 3,
    });
  });
  it("leads any other path to the API root", () => {
    expect(sourceLocation(["paths", "/x", "get", "responses", "404"], root, components)).toEqual({
      file: root,
      line: 6,
      column: 9,
    });
    expect(sourceLocation(["components", "securitySchemes", "bearer"], root, components)).toMatchObject({ file: root });
  });
});

describe("componentFiles", () => {
  it("maps names to files and reports a second file with the same name", () => {
    const twin = write("spec/components/schemas/b/ShopGone.yaml", "type: object\n");
    const { files, problems } = componentFiles(path.join(dir, "spec", "components"));
    expect(files.get("ShopGone")).toBe(example);
    expect(problems).toEqual([
      expect.objectContaining({
        file: twin,
        rule: "component-names",
        message: expect.stringMatching(/component name ShopGone is taken by examples\/a\/ShopGone.yaml/),
      }),
    ]);
    fs.rmSync(twin);
  });
});

describe("findApiRoots", () => {
  it("finds every <api>/openapi.yaml of a folder, sorted", () => {
    expect(findApiRoots(path.join(dir, "spec"))).toEqual([{ id: "shop", root }]);
  });
  it("takes one root file of a spec folder as it is, named after its folder", () => {
    expect(findApiRoots(root)).toEqual([{ id: "shop", root }]);
  });
  it("says what is missing", () => {
    expect(() => findApiRoots(path.join(dir, "spec", "empty"))).toThrow(
      /no openapi.yaml or openapi.json in this folder or its <api>\/ folders/,
    );
    expect(() => findApiRoots(path.join(dir, "nothing"))).toThrow(/no such file or folder/);
  });
});

describe("findRoots: any OpenAPI file, YAML or JSON, one file or a folder of roots", () => {
  const titled = (title: string) => JSON.stringify({ openapi: "3.0.3", info: { title, version: "1" }, paths: {} });
  const specs = path.join(dir, "many");
  const yamlRoot = write("many/orders/openapi.yaml", "openapi: 3.1.0\ninfo: {title: Orders, version: '1'}\n");
  const jsonRoot = write("many/billing/openapi.json", titled("Billing"));
  const twin = write("many/orders/openapi.json", titled("Orders again"));
  const top = write("many/openapi.json", titled("The Whole Store API"));

  it("finds JSON roots like YAML ones, names a root at the top by its info.title, and names what it skips", () => {
    expect(findRoots(specs)).toEqual({
      roots: [
        { id: "billing", root: jsonRoot },
        { id: "orders", root: yamlRoot },
        { id: "the-whole-store-api", root: top },
      ],
      skipped: [{ file: twin, reason: "orders/openapi.yaml is this folder's root" }],
    });
  });

  it("skips a root at the top whose title names an API folder, saying which", () => {
    const other = path.join(dir, "clash");
    const inFolder = write("clash/orders/openapi.yaml", "openapi: 3.1.0\ninfo: {title: x, version: '1'}\n");
    const atTop = write("clash/openapi.yaml", "openapi: 3.1.0\ninfo: {title: Orders, version: '1'}\n");
    expect(findRoots(other)).toEqual({
      roots: [{ id: "orders", root: inFolder }],
      skipped: [{ file: atTop, reason: "its API name orders (from info.title) is taken by orders/openapi.yaml" }],
    });
  });

  it("names a file passed directly by its info.title when its folder is not an API folder of a spec folder", () => {
    const lone = write("downloads/api.github.com.json", titled("GitHub v3 REST API"));
    expect(findRoots(lone)).toEqual({ roots: [{ id: "github-v3-rest-api", root: lone }], skipped: [] });
    // `dist/` says nothing: no components/ beside it, so the title names the API.
    const dist = write("package/dist/openapi.json", titled("Directus"));
    expect(findRoots(dist).roots).toEqual([{ id: "directus", root: dist }]);
  });

  it("falls back to the file's name, then its folder's, when there is no usable title", () => {
    const untitled = write("downloads/petstore.yaml", "openapi: 3.0.0\ninfo: {version: '1'}\n");
    expect(findRoots(untitled).roots).toEqual([{ id: "petstore", root: untitled }]);
    const broken = write("shelf/openapi.json", "{ not json");
    expect(findRoots(broken).roots).toEqual([{ id: "shelf", root: broken }]);
  });

  it("reads titles through the reader it is given", () => {
    const read = (file: string) => (file === top ? titled("Read Elsewhere") : fs.readFileSync(file, "utf8"));
    expect(findRoots(specs, read).roots.map((r) => r.id)).toContain("read-elsewhere");
  });
});

describe("specFolderOf", () => {
  it("is the folder given, the spec folder of an API folder's root, or a lone file's own folder", () => {
    expect(specFolderOf(path.join(dir, "spec"))).toBe(path.join(dir, "spec"));
    expect(specFolderOf(root)).toBe(path.join(dir, "spec"));
    const lone = write("elsewhere/api/openapi.json", "{}");
    expect(specFolderOf(lone)).toBe(path.join(dir, "elsewhere", "api"));
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentFiles, findApiRoots, locate, sourceLocation } from "./sources.js";
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
  it("takes one root file as it is", () => {
    expect(findApiRoots(root)).toEqual([{ id: "shop", root }]);
  });
  it("says what is missing", () => {
    expect(() => findApiRoots(path.join(dir, "spec", "empty"))).toThrow(/no <api>\/openapi.yaml in this folder/);
    expect(() => findApiRoots(path.join(dir, "nothing"))).toThrow(/no such file or folder/);
  });
});

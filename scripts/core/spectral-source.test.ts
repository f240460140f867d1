import { describe, expect, it } from "vitest";
import { hasExternalRef, parseSource, positionOf, type SpectralSource, type Unlintable } from "./spectral-source.js";

const head = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";
const parsed = async (text: string) => (await parseSource("/x/openapi.yaml", text)) as SpectralSource;
const refused = async (text: string) => (await parseSource("/x/openapi.yaml", text)) as Unlintable;

/** Nine levels of nine aliases: 387 million nodes once expanded. */
const aliasBomb = () => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `x-bomb:\n${lines.map((line) => `  ${line}`).join("\n")}\n`;
};

describe("parseSource: one parse, or why the file cannot be linted", () => {
  it("YAML: the data as Spectral reads it, its AST and line map", async () => {
    const source = await parsed(`${head}paths:\n  /a:\n    get:\n      responses:\n        200: {description: OK}\n`);
    expect(source.data).toEqual({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: { "/a": { get: { responses: { "200": { description: "OK" } } } } },
    });
    expect(source.external).toBe(false);
    expect(positionOf(source, ["paths", "/a", "get", "responses", "200"])).toEqual({ line: 7, column: 9 });
  });

  it("JSON: the same, read by JSON.parse first", async () => {
    const source = await parsed(
      '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"},\n  "paths": {}\n}\n',
    );
    expect(source.data).toEqual({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths: {} });
    expect(positionOf(source, ["info", "version"])).toEqual({ line: 3, column: 26 });
  });

  const refusals: { name: string; text: string; want: Unlintable }[] = [
    { name: "an empty file", text: "", want: { why: "empty file: not an OpenAPI description" } },
    {
      name: "Swagger 2.0",
      text: 'swagger: "2.0"\n',
      want: { why: "OpenAPI 2.0 (swagger) is not supported: convert it to OpenAPI 3.x" },
    },
    {
      name: "a syntax error, at its line (the yaml package's words)",
      text: `${head}paths: {a: [1, 2}\n`,
      want: { why: expect.stringMatching(/^not valid YAML or JSON: /), line: 3, column: expect.any(Number) },
    },
    {
      name: "a duplicate key, at the second one",
      text: `${head}info: {title: U, version: '2'}\n`,
      want: { why: "not valid YAML or JSON: duplicate key", line: 3, column: 1 },
    },
    {
      name: "a __proto__ key",
      text: `${head}__proto__: {x: 1}\n`,
      want: { why: 'a top-level key named "__proto__" is not allowed' },
    },
    {
      name: "JSON nested 300 deep",
      text: `{"openapi": "3.1.0", "x": ${"[".repeat(300)}${"]".repeat(300)}}`,
      want: { why: "nested more than 256 levels deep" },
    },
    {
      name: "YAML nested 5000 deep",
      text: `${head}x: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
      want: { why: expect.stringMatching(/nested (too deeply to read|more than 256 levels deep)/) },
    },
  ];
  it.each(refusals)("refuses $name", async ({ text, want }) => expect(await refused(text)).toEqual(want));

  it("refuses an alias bomb at once, without expanding it", async () => {
    const started = performance.now();
    expect(await refused(`${head}${aliasBomb()}`)).toEqual({
      why: "YAML aliases expand it by more than 1,000,000 nodes (an alias bomb?)",
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("takes anchors and merge keys that stay within the limits", async () => {
    const source = await parsed(`${head}x-a: &a {k: 1}\nx-b:\n  <<: *a\n  j: 2\n`);
    expect(source.data).toMatchObject({ "x-a": { k: 1 }, "x-b": { k: 1, j: 2 } });
  });
});

describe("hasExternalRef", () => {
  const cases: { name: string; value: unknown; want: boolean }[] = [
    {
      name: "local pointers only",
      value: { a: { $ref: "#/components/schemas/A" }, b: [{ $ref: "#/x" }] },
      want: false,
    },
    { name: "a file, deep in an array", value: { a: [{ b: [{ $ref: "./schemas/A.yaml" }] }] }, want: true },
    { name: "a URL", value: { $ref: "https://example.com/a.yaml#/A" }, want: true },
    { name: "a $ref that is not a string", value: { x: { $ref: { a: 1 } } }, want: false },
    { name: "no document", value: undefined, want: false },
  ];
  it.each(cases)("$name: $want", ({ value, want }) => expect(hasExternalRef(value)).toBe(want));

  it("a JSON root says whether it has one", async () => {
    const text = '{"openapi": "3.1.0", "paths": {"/a": {"$ref": "paths/a.json"}}}';
    expect((await parsed(text)).external).toBe(true);
  });
});

describe("positionOf: the start of the deepest key of the path the file holds", () => {
  const text = `${head}paths:\n  /a:\n    get:\n      tags: [x, y]\n      responses:\n        '404': {$ref: '#/r'}\n`;
  const cases: { path: (string | number)[]; want: [number, number] }[] = [
    { path: [], want: [1, 1] },
    { path: ["paths", "/a", "get"], want: [5, 5] },
    { path: ["paths", "/a", "get", "tags", 1], want: [6, 17] },
    { path: ["paths", "/a", "get", "responses", "404", "$ref"], want: [8, 17] },
    { path: ["paths", "/a", "get", "responses", "500", "content"], want: [7, 7] },
    { path: ["paths", "/a", "get", "tags", 5], want: [6, 7] },
  ];
  it.each(cases)("$path → $want", async ({ path, want }) => {
    expect(positionOf(await parsed(text), path)).toEqual({ line: want[0], column: want[1] });
  });

  it("counts lines the same with CRLF", async () => {
    const source = await parsed(text.replace(/\n/g, "\r\n"));
    expect(positionOf(source, ["paths", "/a", "get", "responses", "404"])).toEqual({ line: 8, column: 9 });
  });
});

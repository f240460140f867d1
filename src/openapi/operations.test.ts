import { describe, expect, it } from "vitest";
import { errorCodeOf, headerParameterNames, isMethod, operationName, operations, parametersOf } from "./operations.js";

const doc = {
  paths: {
    "/things/{id}": {
      parameters: [{ name: "id", in: "path" }],
      summary: "not an operation",
      patch: { parameters: [{ name: "If-Match", in: "header" }, { $ref: "#/components/parameters/X" }] },
      get: { operationId: "getThing" },
    },
    "/broken": "not a path item",
    "/other": { trace: {}, post: "not an operation" },
  },
};

describe("operations", () => {
  it("walks every operation in path order, methods in METHODS order, with path-level parameters first", () => {
    const found = operations(doc).map((op) => ({
      name: operationName(op),
      path: op.path,
      parameters: op.parameters.map((p) => p.path),
    }));
    expect(found).toEqual([
      {
        name: "GET /things/{id}",
        path: ["paths", "/things/{id}", "get"],
        parameters: [["paths", "/things/{id}", "parameters", 0]],
      },
      {
        name: "PATCH /things/{id}",
        path: ["paths", "/things/{id}", "patch"],
        parameters: [
          ["paths", "/things/{id}", "parameters", 0],
          ["paths", "/things/{id}", "patch", "parameters", 0],
          ["paths", "/things/{id}", "patch", "parameters", 1],
        ],
      },
      { name: "TRACE /other", path: ["paths", "/other", "trace"], parameters: [] },
    ]);
  });

  it.each([
    { given: {}, want: [] },
    { given: { paths: [] }, want: [] },
    { given: "text", want: [] },
  ])("finds none in $given", ({ given, want }) => {
    expect(operations(given)).toEqual(want);
  });

  it("names the header parameters written inline, lower-cased", () => {
    expect(operations(doc).map((op) => headerParameterNames(op))).toEqual([[], ["if-match"], []]);
  });

  it("follows local $refs to parameters (the Path Item's too) when given the document", () => {
    const withRefs = {
      paths: {
        "/a": {
          parameters: [{ $ref: "#/components/parameters/IfNoneMatch" }],
          put: { parameters: [{ $ref: "#/components/parameters/Chain" }, { $ref: "other.yaml#/X" }] },
        },
      },
      components: {
        parameters: {
          IfNoneMatch: { name: "If-None-Match", in: "header" },
          Chain: { $ref: "#/components/parameters/IfMatch" },
          IfMatch: { name: "IF-MATCH", in: "header" },
        },
      },
    };
    const [put] = operations(withRefs);
    expect(put && headerParameterNames(put, withRefs)).toEqual(["if-none-match", "if-match"]);
    expect(put && headerParameterNames(put)).toEqual([]);
  });
});

describe("isMethod", () => {
  it.each([
    { given: "get", want: true },
    { given: "trace", want: true },
    { given: "GET", want: false },
    { given: "parameters", want: false },
  ])("$given → $want", ({ given, want }) => {
    expect(isMethod(given)).toBe(want);
  });
});

describe("operations of a Path Item behind a $ref (3.1)", () => {
  it("follows the $ref to components/pathItems", () => {
    const doc = {
      paths: { "/a": { $ref: "#/components/pathItems/A" } },
      components: { pathItems: { A: { get: { responses: { "404": { description: "x" } } } } } },
    };
    expect(operations(doc).map((op) => [op.method, op.route])).toEqual([["get", "/a"]]);
  });
});

describe("parametersOf", () => {
  const withParameters = {
    paths: {
      "/things/{id}": {
        parameters: [
          { name: "id", in: "path", schema: { $ref: "#/components/schemas/Id" } },
          { name: "X-Trace", in: "header", required: true },
          { name: "q", in: "query", required: true, "x-error-code": 1001 },
        ],
        get: {
          parameters: [
            { $ref: "#/components/parameters/Trace" },
            { name: "q", in: "cookie" },
            { name: "body", in: "body" },
            { in: "query" },
          ],
        },
      },
    },
    components: {
      schemas: { Id: { type: "string", "x-error-code": "BAD_ID" } },
      parameters: { Trace: { name: "x-trace", in: "header" } },
    },
  };

  it("follows $refs, takes an own parameter over the Path Item's of the same place and name (a header's in any case)", () => {
    const [get] = operations(withParameters);
    expect(get && parametersOf(withParameters, get)).toEqual([
      { name: "id", in: "path", required: true, schema: { $ref: "#/components/schemas/Id" }, errorCode: "BAD_ID" },
      { name: "x-trace", in: "header", required: false, schema: undefined },
      { name: "q", in: "query", required: true, schema: undefined, errorCode: "1001" },
      { name: "q", in: "cookie", required: false, schema: undefined },
    ]);
  });

  it.each([
    { given: { "x-error-code": "A" }, want: "A" },
    { given: { "x-error-code": 30016 }, want: "30016" },
    { given: { $ref: "#/components/schemas/Id" }, want: "BAD_ID" },
    { given: { "x-error-code": true }, want: undefined },
    { given: undefined, want: undefined },
  ])("errorCodeOf($given) → $want", ({ given, want }) => {
    expect(errorCodeOf(withParameters, given)).toBe(want);
  });
});

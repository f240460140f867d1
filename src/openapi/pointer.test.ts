import { describe, expect, it } from "vitest";
import {
  componentAt,
  componentOf,
  followRef,
  pathOfPointer,
  pathOfRef,
  refersToItself,
  refOf,
  resolveRef,
  setValueAt,
  valueAt,
} from "./pointer.js";

describe("pathOfRef", () => {
  it.each([
    { given: "#/components/schemas/Error", want: ["components", "schemas", "Error"] },
    { given: "#/paths/~1messages~1%7Bid%7D/get", want: ["paths", "/messages/{id}", "get"] },
    { given: "#/components/schemas/A%20B", want: ["components", "schemas", "A B"] },
    { given: "#/a~0b", want: ["a~b"] },
    { given: "#", want: [] },
    { given: "other.yaml#/components/schemas/Error", want: undefined },
    { given: "#components", want: undefined },
  ])("$given", ({ given, want }) => {
    expect(pathOfRef(given)).toEqual(want);
    // Asked again (decoded once, kept): the same answer.
    expect(pathOfRef(given)).toEqual(want);
  });

  it("gives each caller a path of its own: changing one leaves the next answer as it was", () => {
    pathOfRef("#/components/schemas/Error")?.push("properties");
    expect(pathOfRef("#/components/schemas/Error")).toEqual(["components", "schemas", "Error"]);
  });

  it("answers the same past 10,000 decoded refs (where it forgets the ones it kept)", () => {
    for (let i = 0; i < 10_050; i++)
      expect(pathOfRef(`#/components/schemas/S${i}`)).toEqual(["components", "schemas", `S${i}`]);
    expect(pathOfRef("#/components/schemas/S0")).toEqual(["components", "schemas", "S0"]);
  });
});

describe("pathOfPointer (a plain JSON pointer, as Ajv reports)", () => {
  it.each([
    { given: "", want: [] },
    { given: "/error/innerError/code", want: ["error", "innerError", "code"] },
    { given: "/a~1b/c~0d/%20", want: ["a/b", "c~d", "%20"] },
  ])("$given", ({ given, want }) => {
    expect(pathOfPointer(given)).toEqual(want);
  });
});

describe("refOf", () => {
  it.each([
    { given: ["components", "schemas", "Error"], want: "#/components/schemas/Error" },
    { given: ["paths", "/messages/{id}", "get"], want: "#/paths/~1messages~1%7Bid%7D/get" },
    { given: [], want: "#" },
  ])("$given", ({ given, want }) => {
    expect(refOf(given)).toBe(want);
    expect(pathOfRef(want)).toEqual(given);
  });
});

const doc = {
  components: {
    responses: { Sales404: { description: "gone" }, Alias: { $ref: "#/components/responses/Sales404" } },
    schemas: { Loop: { $ref: "#/components/schemas/Loop" }, List: { items: [{ a: 1 }] } },
  },
};

describe("valueAt", () => {
  it.each([
    { given: ["components", "responses", "Sales404", "description"], want: "gone" },
    { given: ["components", "schemas", "List", "items", 0, "a"], want: 1 },
    { given: ["components", "schemas", "List", "items", "0", "a"], want: 1 },
    { given: ["components", "schemas", "List", "items", "x"], want: undefined },
    { given: ["components", "nothing", "here"], want: undefined },
    { given: [], want: doc },
  ])("$given", ({ given, want }) => {
    expect(valueAt(doc, given)).toEqual(want);
  });
});

describe("setValueAt", () => {
  it("sets a value, making the objects on the way", () => {
    const target: Record<string, unknown> = { a: { keep: true } };
    setValueAt(target, ["a", "b", "c"], 1);
    expect(target).toEqual({ a: { keep: true, b: { c: 1 } } });
  });
  it("refuses an empty path", () => {
    expect(() => setValueAt({}, [], 1)).toThrow(/empty/);
  });
});

describe("followRef", () => {
  it.each([
    {
      name: "a local $ref",
      given: { $ref: "#/components/responses/Sales404" },
      want: { node: { description: "gone" }, path: ["components", "responses", "Sales404"] },
    },
    {
      name: "a chain of two",
      given: { $ref: "#/components/responses/Alias" },
      want: { node: { description: "gone" }, path: ["components", "responses", "Sales404"] },
    },
    { name: "no $ref", given: { description: "inline" }, want: { node: { description: "inline" }, path: undefined } },
    {
      name: "another file",
      given: { $ref: "other.yaml#/x" },
      want: { node: { $ref: "other.yaml#/x" }, path: undefined },
    },
    {
      name: "a missing target",
      given: { $ref: "#/components/responses/Nope" },
      want: { node: undefined, path: ["components", "responses", "Nope"] },
    },
    {
      name: "a loop (gives up)",
      given: { $ref: "#/components/schemas/Loop" },
      want: { node: { $ref: "#/components/schemas/Loop" }, path: ["components", "schemas", "Loop"] },
    },
  ])("$name", ({ given, want }) => {
    expect(followRef(doc, given)).toEqual(want);
    expect(resolveRef(doc, given)).toEqual(want.node);
  });
});

describe("refersToItself", () => {
  const schemas = {
    Flat: { type: "object", properties: { code: { type: "string" } } },
    UsesFlat: { type: "object", properties: { flat: { $ref: "#/components/schemas/Flat" } } },
    Inner: { type: "object", properties: { innerError: { $ref: "#/components/schemas/Inner" } } },
    Envelope: { type: "object", properties: { error: { $ref: "#/components/schemas/Inner" } } },
    Ping: { allOf: [{ $ref: "#/components/schemas/Pong" }] },
    Pong: { anyOf: [{ type: "null" }, { $ref: "#/components/schemas/Ping" }] },
    Missing: { properties: { gone: { $ref: "#/components/schemas/Nope" } } },
    // Properties named as annotations are schemas all the same.
    Named: { properties: { default: { $ref: "#/components/schemas/Named" }, example: { type: "string" } } },
    Elsewhere: { $ref: "other.yaml#/components/schemas/Other" },
  };
  const graph = { components: { schemas } };
  it.each([
    { name: "an inline schema", given: { type: "string" }, want: false },
    { name: "a $ref to a schema without $refs", given: { $ref: "#/components/schemas/Flat" }, want: false },
    { name: "a chain of $refs without a loop", given: { $ref: "#/components/schemas/UsesFlat" }, want: false },
    { name: "a schema that refers to itself", given: { $ref: "#/components/schemas/Inner" }, want: true },
    { name: "a schema that holds one that does", given: { $ref: "#/components/schemas/Envelope" }, want: true },
    {
      name: "an inline schema that holds one that does, in an array",
      given: { oneOf: [{ type: "null" }, { $ref: "#/components/schemas/Envelope" }] },
      want: true,
    },
    { name: "two that refer to each other", given: { $ref: "#/components/schemas/Ping" }, want: true },
    { name: "a missing target", given: { $ref: "#/components/schemas/Missing" }, want: false },
    { name: "a property named default that refers back", given: { $ref: "#/components/schemas/Named" }, want: true },
    { name: "another file (not followed)", given: { $ref: "#/components/schemas/Elsewhere" }, want: false },
    {
      name: "a $ref in an example, a default or an extension (data, not followed)",
      given: {
        type: "object",
        example: { $ref: "#/components/schemas/Inner" },
        default: { $ref: "#/components/schemas/Inner" },
        "x-see": { $ref: "#/components/schemas/Inner" },
      },
      want: false,
    },
  ])("$name: $want", ({ given, want }) => {
    // A document of its own: the first answer is worked out, the second read from what it kept.
    const fresh = structuredClone(graph);
    expect(refersToItself(fresh, given)).toBe(want);
    expect(refersToItself(fresh, given)).toBe(want);
  });

  it("answers each $ref from what an earlier question about another schema kept", () => {
    const fresh = structuredClone(graph);
    expect(refersToItself(fresh, { $ref: "#/components/schemas/Envelope" })).toBe(true);
    expect(refersToItself(fresh, { $ref: "#/components/schemas/Inner" })).toBe(true);
    expect(refersToItself(fresh, { $ref: "#/components/schemas/UsesFlat" })).toBe(false);
    expect(refersToItself(fresh, { properties: { a: { $ref: "#/components/schemas/Pong" } } })).toBe(true);
  });
});

describe("componentAt, componentOf", () => {
  it.each([
    { given: ["components", "schemas", "Error", "properties"], want: { kind: "schemas", name: "Error" } },
    { given: ["components", "schemas"], want: undefined },
    { given: ["paths", "/a", "get"], want: undefined },
  ])("componentAt $given", ({ given, want }) => {
    expect(componentAt(given)).toEqual(want);
  });
  it.each([
    { given: { $ref: "#/components/responses/Sales404" }, want: { kind: "responses", name: "Sales404" } },
    { given: { $ref: "#/components/schemas/A%20B" }, want: { kind: "schemas", name: "A B" } },
    { given: { $ref: "#/paths/~1a" }, want: undefined },
    { given: { description: "inline" }, want: undefined },
  ])("componentOf $given", ({ given, want }) => {
    expect(componentOf(given)).toEqual(want);
  });
});

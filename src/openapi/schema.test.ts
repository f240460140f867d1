import { describe, expect, it } from "vitest";
import { flattenSchema, typesOf } from "./schema.js";

describe("typesOf", () => {
  it.each([
    { given: { type: "string" }, want: ["string"] },
    { given: { type: ["string", "null"] }, want: ["string", "null"] },
    { given: { allOf: [{ type: "object" }, { description: "no type" }] }, want: ["object"] },
    { given: { $ref: "#/components/schemas/X" }, want: [] },
    { given: true, want: [] },
  ])("$given", ({ given, want }) => {
    expect(typesOf(given)).toEqual(want);
  });
});

describe("flattenSchema", () => {
  it.each([
    {
      name: "an object",
      given: { type: "object", required: ["a", 1], properties: { a: { type: "string" } } },
      want: { properties: { a: { type: "string" } }, required: ["a"], types: ["object"] },
    },
    {
      name: "allOf members merged, the first definition of a property kept (a type may repeat)",
      given: {
        properties: { a: { type: "string" } },
        allOf: [{ properties: { a: { type: "integer" }, b: {} }, required: ["b"] }, { type: "object" }],
      },
      want: { properties: { a: { type: "string" }, b: {} }, required: ["b"], types: ["object", "object"] },
    },
    { name: "not a schema", given: "text", want: { properties: {}, required: [], types: [] } },
  ])("$name", ({ given, want }) => {
    expect(flattenSchema(given)).toEqual(want);
  });
});

describe("flattenSchema with the document", () => {
  const doc = {
    components: { schemas: { Problem: { type: "object", properties: { title: {} }, required: ["title"] } } },
  };
  const schema = { allOf: [{ $ref: "#/components/schemas/Problem" }, { properties: { errors: {} } }] };
  it("follows an allOf member's $ref", () =>
    expect(flattenSchema(schema, doc)).toEqual({
      properties: { title: {}, errors: {} },
      required: ["title"],
      types: ["object"],
    }));
  it("does not without it", () => expect(Object.keys(flattenSchema(schema).properties)).toEqual(["errors"]));
});

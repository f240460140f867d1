import { describe, expect, it } from "vitest";
import { minimalValue } from "./minimal-value.js";

const doc = {
  components: {
    schemas: {
      Inner: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string", minLength: 1 }, message: { type: "string" } },
      },
    },
  },
};

describe("minimalValue", () => {
  const cases: [string, unknown, unknown][] = [
    [
      "an object's required members only",
      { type: "object", required: ["a"], properties: { a: { type: "integer", minimum: 3 }, b: { type: "string" } } },
      { a: 3 },
    ],
    [
      "a $ref followed, minLength met",
      { type: "object", required: ["error"], properties: { error: { $ref: "#/components/schemas/Inner" } } },
      { error: { code: "x", message: "" } },
    ],
    [
      "allOf merged",
      {
        allOf: [
          { type: "object", required: ["a"], properties: { a: { type: "boolean" } } },
          { required: ["b"], properties: { b: { const: 7 } } },
        ],
      },
      { a: false, b: 7 },
    ],
    ["the first enum member", { type: "string", enum: ["one", "two"] }, "one"],
    ["an array of minItems", { type: "array", minItems: 2, items: { type: "number" } }, [0, 0]],
    ["a 3.1 type array without null", { type: ["null", "string"], minLength: 2 }, "xx"],
    ["an object with no required member", { type: "object", properties: { a: { type: "string" } } }, {}],
  ];
  it.each(cases)("%s", (_, schema, want) => {
    expect(minimalValue(doc, schema)).toEqual(want);
  });

  it("ends on a schema that refers to itself", () => {
    const loop = {
      components: {
        schemas: {
          Node: { type: "object", required: ["next"], properties: { next: { $ref: "#/components/schemas/Node" } } },
        },
      },
    };
    expect(JSON.stringify(minimalValue(loop, { $ref: "#/components/schemas/Node" })).length).toBeLessThan(400);
  });
});

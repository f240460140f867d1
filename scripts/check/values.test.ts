import { describe, expect, it } from "vitest";
import { Random } from "./random.js";
import { Schemas } from "./schemas.js";
import { validValue, violationsOf } from "./values.js";

const doc = { components: { schemas: { Name: { type: "string", maxLength: 3 } } } };
const schemas = new Schemas(doc);

describe("validValue", () => {
  it.each([
    [{ type: "integer", minimum: 1, maximum: 250 }, 1],
    [{ type: "string", enum: ["New", "Active"] }, "New"],
    [{ type: "object", required: ["a"], properties: { a: { const: 7 } } }, { a: 7 }],
    [
      {
        type: "object",
        anyOf: [{ required: ["text"] }, { required: ["attachments"] }],
        properties: { text: { type: "string", maxLength: 4 } },
      },
      { text: expect.any(String) },
    ],
  ])("%j is admitted by its schema", (schema, want) => {
    const value = validValue(doc, schema, new Random(1));
    expect(value).toEqual(want);
    expect(schemas.valid(schema, value)).toBe(true);
  });

  it("makes a uuid for format uuid, the same for the same seed", () => {
    const a = validValue(doc, { type: "string", format: "uuid" }, new Random(3));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(validValue(doc, { type: "string", format: "uuid" }, new Random(3))).toBe(a);
  });
});

describe("violationsOf", () => {
  it.each([
    [{ type: "integer", minimum: 1, maximum: 100 }, true, ["type", "minimum", "maximum"]],
    [{ $ref: "#/components/schemas/Name" }, false, ["type", "maxLength"]],
    [{ type: "string", pattern: "^[0-9]+$" }, true, ["pattern"]],
    [{ type: "string", format: "date-time" }, true, ["format"]],
    [{ type: "string", enum: ["a"] }, true, ["enum"]],
    [{ type: "array", maxItems: 2 }, false, ["type", "maxItems"]],
    [{ type: "object", maxProperties: 1 }, false, ["type", "maxProperties"]],
  ])("%j (as text: %s): %j, each refused by the schema", (schema, asText, want) => {
    const found = violationsOf(doc, schema, new Random(1), asText);
    expect(found.map((v) => v.constraint)).toEqual(want);
    for (const { value } of found) {
      const wire = asText && typeof value !== "string" ? Number(value) : value;
      expect(schemas.valid(schema, wire)).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { typedBranches } from "./schema-branches.js";

const send = () => ({
  type: "object",
  title: "Send",
  "x-error-code": 30016,
  anyOf: [{ required: ["text"] }, { required: ["attachments"], description: "Attachments only." }],
  properties: { text: { type: "string" }, attachments: { type: "array" } },
});

describe("typedBranches", () => {
  it("moves what types the object into each branch and keeps the rest on the schema", () => {
    expect(typedBranches({ schemas: { Send: send() } })).toEqual({
      schemas: {
        Send: {
          title: "Send",
          "x-error-code": 30016,
          anyOf: [
            { type: "object", properties: send().properties, required: ["text"] },
            {
              type: "object",
              properties: send().properties,
              required: ["attachments"],
              description: "Attachments only.",
            },
          ],
        },
      },
    });
  });

  it("leaves the document it was given as it was, and shares what it did not rewrite", () => {
    const other = { type: "string" };
    const doc = { schemas: { Send: send(), Other: other } };
    const before = JSON.stringify(doc);
    const after = typedBranches(doc);
    expect(JSON.stringify(doc)).toBe(before);
    expect(after.schemas.Other).toBe(other);
    const untouched = { schemas: { Other: other } };
    expect(typedBranches(untouched)).toBe(untouched);
  });

  it("never rewrites data: examples and defaults stay as written", () => {
    const doc = { example: send(), examples: { a: { value: send() } }, default: send() };
    expect(typedBranches(doc)).toBe(doc);
  });

  it.each([
    ["an allOf beside it (openapi-typescript unions anyOf with allOf)", { ...send(), allOf: [{ type: "object" }] }],
    ["both anyOf and oneOf", { ...send(), oneOf: [{ required: ["text"] }] }],
    ["a branch with its own schema", { ...send(), anyOf: [{ required: ["text"], properties: { text: {} } }] }],
    ["no properties", { anyOf: [{ required: ["text"] }] }],
  ])("leaves a schema with %s", (_name, schema) => {
    expect(typedBranches(schema)).toBe(schema);
  });
});

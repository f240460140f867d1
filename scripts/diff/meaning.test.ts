/** Given a schema spelled some way, want what it allows: `typeText`, and its members. */
import { describe, expect, it } from "vitest";
import { meaningOf, typeText } from "./meaning.js";

const doc = {
  openapi: "3.0.3",
  components: {
    schemas: {
      User: { type: "object", properties: { login: { type: "string" } } },
      NullableUser: { type: "object", nullable: true, properties: { login: { type: "string" } } },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const cases: { name: string; schema: unknown; want: string }[] = [
  { name: "a type", schema: { type: "string" }, want: "string" },
  { name: "3.0 nullable", schema: { type: "string", nullable: true }, want: "string|null" },
  { name: "3.1 type array", schema: { type: ["string", "null"] }, want: "string|null" },
  { name: "anyOf with a null branch", schema: { anyOf: [{ type: "null" }, { type: "string" }] }, want: "string|null" },
  {
    name: "oneOf of nullable branches",
    schema: { oneOf: [{ type: "string", nullable: true }, { type: "integer" }] },
    want: "integer|string|null",
  },
  { name: "a oneOf of one branch is that branch", schema: { oneOf: [{ type: "string" }] }, want: "string" },
  {
    name: "3.0 nullable beside allOf of a $ref",
    schema: { allOf: [ref("User")], nullable: true },
    want: "object|null",
  },
  { name: "allOf of a nullable $ref", schema: { allOf: [ref("NullableUser")] }, want: "object|null" },
  {
    name: "allOf is both: the types both allow",
    schema: { allOf: [{ type: ["string", "integer"] }, { type: "string" }] },
    want: "string",
  },
  { name: "an integer is a number", schema: { allOf: [{ type: "number" }, { type: "integer" }] }, want: "integer" },
  { name: "enum values give the type, null among them", schema: { enum: ["a", null] }, want: "string|null" },
  { name: "members without a type are an object", schema: { properties: { a: {} } }, want: "object" },
  { name: "no type at all", schema: {}, want: "any" },
];

describe("meaningOf", () => {
  it.each(cases)("$name → $want", ({ schema, want }) => expect(typeText(meaningOf(doc, schema, ["s"]))).toBe(want));

  it("reads nullable only in 3.0, where it is a keyword", () => {
    const schema = { type: "string", nullable: true };
    expect(typeText(meaningOf({ openapi: "3.1.0" }, schema, ["s"]))).toBe("string");
    expect(typeText(meaningOf({ openapi: "3.0.3" }, schema, ["s"]))).toBe("string|null");
  });

  it("reads a schema that reaches itself through unions as any there, without growing", () => {
    const names = ["F", "G", "H", "I", "J", "K"];
    const schemas = Object.fromEntries(
      names.map((n) => [
        n,
        {
          anyOf: [
            ...names.filter((m) => m !== n).map((m) => ({ $ref: `#/components/schemas/${m}` })),
            { type: "string" },
          ],
        },
      ]),
    );
    expect(typeText(meaningOf({ components: { schemas } }, { $ref: "#/components/schemas/F" }, ["s"]))).toBe("any");
  });

  it("merges allOf members, with the component that declares each", () => {
    const meaning = meaningOf(
      doc,
      { allOf: [ref("User"), { properties: { id: { type: "integer" } }, required: ["id"] }] },
      ["s"],
      "Owner",
    );
    expect([...meaning.properties].map(([name, m]) => [name, m.owner, m.path.join("/")])).toEqual([
      ["login", "User", "components/schemas/User/properties/login"],
      ["id", "Owner", "s/allOf/1/properties/id"],
    ]);
    expect([...meaning.required]).toEqual(["id"]);
  });

  it("names the component a $ref leads to, and keeps the branches of a oneOf", () => {
    expect(meaningOf(doc, ref("User"), ["s"]).component).toBe("User");
    expect(
      meaningOf(doc, { oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] }, ["s"]).branches?.list,
    ).toHaveLength(2);
  });
});

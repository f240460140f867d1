/**
 * The first check with `$ref`s kept: given a document, a schema's place and an example, whether it
 * answers "passes" (`true`), "fails" (Ajv's errors, which Spectral turns into the findings) or sends
 * the example to spectral:oas's own validation (`false`). A `false` for an example that is valid is no
 * error (the slow path decides); a `true` for one the slow path would report would be, as would errors
 * where the slow path reports none: the cases below are those where the two forms of a schema could
 * differ. The findings themselves are compared with spectral:oas's in ../functions/ec-oas-examples.test.ts.
 */
import { oas3_0, oas3_1 } from "@stoplight/spectral-formats";
import { describe, expect, it } from "vitest";
import { sharedRefValidation } from "./shared-ref-validation.js";

type Document = Parameters<typeof sharedRefValidation>[0];
const pet = {
  type: "object",
  required: ["id", "name"],
  properties: { id: { type: "integer", readOnly: true }, name: { type: "string" }, tag: { type: "string" } },
};

/**
 * The first check's answer for examples of a document whose `paths./x.get` response 200 has `schema`,
 * with `schemas` as its components.
 */
function verdict(version: "3.0" | "3.1", schema: unknown, schemas: Record<string, unknown> = { Pet: pet }) {
  const data = {
    openapi: version === "3.0" ? "3.0.3" : "3.1.0",
    paths: { "/x": { get: { responses: { "200": { content: { "application/json": { schema } } } } } } },
    components: { schemas },
  };
  const document = { data, formats: new Set([version === "3.0" ? oas3_0 : oas3_1]) } as unknown as Document;
  const passes = sharedRefValidation(document);
  if (!passes) throw new Error("no first check for this document");
  const at = ["paths", "/x", "get", "responses", "200", "content", "application/json", "schema"];
  return (value: unknown, place = "other") => passes(at, place, value);
}

/** Whether the first check passes an example (`true`), rather than failing it or deferring. */
function check(...args: Parameters<typeof verdict>) {
  const answer = verdict(...args);
  return (value: unknown, place = "other") => answer(value, place) === true;
}

describe("sharedRefValidation", () => {
  it("passes a valid example of a shared component, fails an invalid one", () => {
    const passes = check("3.0", { type: "array", items: { $ref: "#/components/schemas/Pet" } });
    expect(passes([{ id: 1, name: "Rex" }])).toBe(true);
    expect(passes([{ id: 1, name: 5 }])).toBe(false);
    expect(passes(undefined)).toBe(false);
  });

  it("reads 3.0 nullable and formats as spectral:oas's Ajv does", () => {
    const passes = check("3.0", { type: "string", format: "date", nullable: true });
    expect(passes(null)).toBe(true);
    expect(passes("2020-01-01")).toBe(true);
    expect(passes("yesterday")).toBe(false);
    expect(check("3.0", { nullable: true, allOf: [{ $ref: "#/components/schemas/Pet" }] })({ id: 1, name: "R" })).toBe(
      false,
    );
  });

  it("drops what stands beside a nested $ref, as Spectral's resolver does: below a `not`, it would loosen", () => {
    // Inlined as spectral:oas sees it, `not: Pet`: a pet fails it. With `required: [tag]` kept beside the
    // $ref, a pet without a tag would fail the inner schema and so pass the `not`.
    const not = { not: { $ref: "#/components/schemas/Pet", required: ["tag"] } };
    expect(check("3.1", not)({ id: 1, name: "Rex" })).toBe(false);
    expect(check("3.0", not)({ id: 1, name: "Rex" })).toBe(false);
    const oneOf = { oneOf: [{ $ref: "#/components/schemas/Pet", required: ["tag"] }, { type: "object" }] };
    expect(check("3.1", oneOf)({ id: 1, name: "Rex" })).toBe(false);
  });

  it("reads 3.1 schemas as JSON Schema 2020-12", () => {
    const passes = check("3.1", { type: ["string", "null"] });
    expect(passes(null)).toBe(true);
    expect(passes(5)).toBe(false);
    // `prefixItems` is not a draft 4 keyword: ignored in 3.0, as spectral:oas's draft 4 Ajv ignores it.
    const tuple = { type: "array", prefixItems: [{ type: "string" }] };
    expect(check("3.1", tuple)([1])).toBe(false);
    expect(check("3.0", tuple)([1])).toBe(true);
  });

  it("fails with Ajv's errors: the first, at its place in the example, with its schema", () => {
    const fails = verdict("3.0", { type: "array", items: { $ref: "#/components/schemas/Pet" } });
    expect(fails([{ id: 1, name: 5 }])).toMatchObject([
      { instancePath: "/0/name", keyword: "type", message: "must be string" },
    ]);
    expect(fails([{ id: 1 }])).toMatchObject([{ instancePath: "/0", keyword: "required" }]);
    // Each error carries its schema (Ajv's `verbose`): spectralResults reads there whether it is `nullable`.
    const nullable = verdict("3.0", { type: "string", nullable: true })(5);
    expect(nullable).toMatchObject([{ keyword: "type", parentSchema: { nullable: true } }]);
  });

  it("defers where spectral:oas would relax required (readOnly in a request, writeOnly in a response)", () => {
    const passes = verdict("3.0", { $ref: "#/components/schemas/Pet" });
    expect(passes({ id: 1, name: "Rex" }, "request")).toBe(false);
    expect(passes({ id: 1, name: "Rex" }, "response")).toBe(true);
    expect(passes({ id: 1, name: "Rex" }, "other")).toBe(true);
  });

  it("defers a schema that reaches what the inlined form reads differently", () => {
    const ref = { $ref: "#/components/schemas/Thing" };
    const valid = { name: "x" };
    const thing = (extra: Record<string, unknown>) => ({ Thing: { type: "object", ...extra } });
    expect(verdict("3.0", ref, thing({}))(valid)).toBe(true);
    expect(verdict("3.0", ref, thing({ id: "thing" }))(valid)).toBe(false);
    expect(verdict("3.1", ref, thing({ $id: "https://x/thing" }))(valid)).toBe(false);
    expect(verdict("3.1", ref, thing({ unevaluatedProperties: false }))(valid)).toBe(false);
    expect(verdict("3.1", ref, thing({ $dynamicAnchor: "t" }))(valid)).toBe(false);
    expect(verdict("3.0", ref, thing({ required: [] }))(valid)).toBe(false); // invalid against the meta-schema
    expect(verdict("3.0", ref, thing({ properties: { a: { $ref: "other.yaml#/A" } } }))(valid)).toBe(false);
  });

  it("checks recursive and discriminated schemas through the shared components", () => {
    const node = {
      type: "object",
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
    };
    const passes = verdict("3.0", { $ref: "#/components/schemas/Node" }, { Node: node });
    expect(passes({ children: [{ children: [] }] })).toBe(true);
    // Failed, but deferred: Spectral's resolver leaves a $ref that loops in place, and spectral:oas reports nothing.
    expect(passes({ children: [{ children: 3 }] })).toBe(false);
    const animal = {
      type: "object",
      discriminator: { propertyName: "kind" },
      properties: { legs: { type: "integer" } },
    };
    const discriminated = check("3.0", { $ref: "#/components/schemas/Animal" }, { Animal: animal });
    expect(discriminated({ kind: "dog", legs: 4 })).toBe(true);
    expect(discriminated({ kind: "dog", legs: "four" })).toBe(false);
  });

  it("checks a component that is the schema itself, whatever its name (escaped where it is referred to)", () => {
    const name = "Pet store/v1~beta %";
    const ref = { $ref: `#/components/schemas/${encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"))}` };
    const answer = verdict("3.1", ref, { [name]: pet });
    expect(answer({ id: 1, name: "Rex" })).toBe(true);
    expect(answer({ id: 1, name: 5 })).toMatchObject([{ instancePath: "/name", keyword: "type" }]);
  });

  it("does not apply a $ref's siblings, as Spectral's resolver drops them", () => {
    const passes = check("3.1", { $ref: "#/components/schemas/Pet", required: ["tag"] });
    expect(passes({ id: 1, name: "Rex" })).toBe(true);
  });
});

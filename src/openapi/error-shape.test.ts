import { describe, expect, it } from "vitest";
import { apiErrorShape, inferShape, schemaAt } from "./error-shape.js";

describe("inferShape", () => {
  const object = (properties: object) => ({ type: "object", properties });
  const cases: { name: string; schema: unknown; mediaType: string; want: object | undefined }[] = [
    {
      name: "problem details by media type, keyed by code",
      schema: object({ code: { type: "integer" } }),
      mediaType: "application/problem+json",
      want: { style: "problem", code: ["code"], codeType: "integer", message: [["detail"], ["title"]] },
    },
    {
      name: "problem details by members, keyed by type",
      schema: object({ type: { type: "string" }, title: {}, status: {} }),
      mediaType: "application/json",
      want: { style: "problem", code: ["type"], codeType: "string" },
    },
    {
      name: "an error envelope with an inner error",
      schema: object({ error: object({ code: { type: "string" }, message: {}, target: {}, innererror: {} }) }),
      mediaType: "application/json",
      want: { style: "envelope", code: ["error", "code"], target: ["error", "target"], innerError: ["innererror"] },
    },
    {
      name: "a flat code",
      schema: object({ code: { type: "integer" }, message: { type: "string" } }),
      mediaType: "application/json",
      want: { style: "flat", code: ["code"], codeType: "integer", message: [["message"]] },
    },
    {
      name: "a list of errors, each with its code under extensions (Directus 11+)",
      schema: object({
        errors: {
          type: "array",
          items: object({ message: { type: "string" }, extensions: object({ code: { type: "string" } }) }),
        },
      }),
      mediaType: "application/json",
      want: {
        style: "list",
        code: ["errors", "0", "extensions", "code"],
        codeType: "string",
        message: [["errors", "0", "message"]],
      },
    },
    {
      name: "a list of errors with a code and JSON:API's detail and title",
      schema: object({ errors: { type: "array", items: object({ code: {}, title: {}, detail: {} }) } }),
      mediaType: "application/vnd.api+json",
      want: {
        style: "list",
        code: ["errors", "0", "code"],
        message: [
          ["errors", "0", "detail"],
          ["errors", "0", "title"],
        ],
      },
    },
    {
      name: "a list of errors without a code",
      schema: object({ errors: { type: "array", items: object({ message: {} }) } }),
      mediaType: "application/json",
      want: undefined,
    },
    {
      name: "an error that is a string (Blockfrost's)",
      schema: object({ status_code: {}, error: { type: "string" }, message: {} }),
      mediaType: "application/json",
      want: undefined,
    },
    { name: "no code anywhere", schema: object({ reason: {} }), mediaType: "application/json", want: undefined },
  ];
  it.each(cases)("$name", ({ schema, mediaType, want }) => {
    const got = inferShape({}, schema, mediaType);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(want);
  });
});

describe("apiErrorShape", () => {
  const response = (ref: string) => ({ description: "e", content: { "application/json": { schema: { $ref: ref } } } });
  const doc = (schemas: object, refs: string[]) => ({
    openapi: "3.1.0",
    paths: { "/a": { get: { responses: Object.fromEntries(refs.map((r, i) => [String(400 + i), response(r)])) } } },
    components: { schemas },
  });
  const declared = { type: "object", "x-error-shape": { code: "/fault" }, properties: { fault: {} } };
  const flat = { type: "object", properties: { code: { type: "string" } } };
  it("prefers a declared shape to a more used inferred one", () => {
    const got = apiErrorShape(
      doc({ D: declared, F: flat }, ["#/components/schemas/F", "#/components/schemas/F", "#/components/schemas/D"]),
    );
    expect(got?.shape.code).toEqual(["fault"]);
    expect(got?.path).toEqual(["components", "schemas", "D"]);
  });
  it("takes a declaration of a component no response uses", () => {
    expect(apiErrorShape(doc({ D: declared }, []))?.shape.code).toEqual(["fault"]);
  });
  it("infers from the most used schema", () => {
    expect(apiErrorShape(doc({ F: flat }, ["#/components/schemas/F"]))?.shape.style).toBe("flat");
  });
  it("finds none where nothing can be read", () => {
    expect(apiErrorShape(doc({ X: { type: "object" } }, ["#/components/schemas/X"]))).toBeUndefined();
  });
});

describe("schemaAt", () => {
  const doc = {
    components: {
      schemas: { Error: { type: "object", properties: { code: { type: "string" } } } },
    },
  };
  const body = {
    type: "object",
    properties: { errors: { type: "array", items: { $ref: "#/components/schemas/Error" } } },
  };
  it("goes into an array's items at an index", () =>
    expect(schemaAt(doc, body, ["errors", "0", "code"])).toEqual({ type: "string" }));
  it("finds nothing at an index of what is not an array", () =>
    expect(
      schemaAt(doc, { type: "object", properties: { errors: { type: "object" } } }, ["errors", "0"]),
    ).toBeUndefined());
  it("finds nothing where a member is not declared", () =>
    expect(schemaAt(doc, body, ["error", "code"])).toBeUndefined());
});

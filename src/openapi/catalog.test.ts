import { describe, expect, it } from "vitest";
import { catalogEntries, codeIndex, errorExamples } from "./catalog.js";

const entry = (status: number, value: unknown) => ({ "x-error": { status }, description: "d", value });
const shared = entry(404, { errorCode: "GONE", errorMessage: "gone" });
const doc = {
  components: {
    schemas: {
      SalesError: { type: "object", "x-error-shape": { code: "/errorCode", message: "/errorMessage" } },
    },
    examples: {
      Sales400: entry(400, { errorCode: "BAD", errorMessage: "bad" }),
      Sales404: shared,
      NotCatalog: { value: { errorCode: "IGNORED" } },
    },
  },
  paths: {
    "/a": {
      get: {
        responses: {
          "404": {
            content: {
              // Read with the shape of this response's own schema (a flat `code`, inferred).
              "application/json": {
                schema: { type: "object", properties: { code: { type: "integer" } } },
                examples: { Again: shared, Inline: entry(404, { code: 7, title: "seven" }) },
              },
            },
          },
          "200": { content: { "application/json": { examples: { Ok: entry(200, { errorCode: "NOT_AN_ERROR" }) } } } },
        },
      },
    },
  },
};

describe("errorExamples", () => {
  it("yields every example of components and of error responses, with or without x-error, each object once", () => {
    const found = [...errorExamples(doc, undefined)].map(({ name, bodyShape }) => ({ name, code: bodyShape?.code }));
    // Not Ok: its response is a 200. Not Again: the object Sales404 is.
    expect(found).toEqual([
      { name: "Sales400", code: undefined },
      { name: "Sales404", code: undefined },
      { name: "NotCatalog", code: undefined },
      { name: "Inline", code: ["code"] },
    ]);
  });
});

describe("catalogEntries", () => {
  it("lists components.examples first, then examples under error responses, each object once", () => {
    const entries = catalogEntries(doc);
    expect(entries.map((e) => ({ name: e.name, path: e.path, status: e.status, code: e.body?.code }))).toEqual([
      { name: "Sales400", path: ["components", "examples", "Sales400"], status: 400, code: "BAD" },
      { name: "Sales404", path: ["components", "examples", "Sales404"], status: 404, code: "GONE" },
      {
        name: "Inline",
        path: ["paths", "/a", "get", "responses", "404", "content", "application/json", "examples", "Inline"],
        status: 404,
        code: 7,
      },
    ]);
  });

  it("reads no codes without a shape", () => {
    const { schemas, ...rest } = doc.components;
    expect(catalogEntries({ components: rest }).map((e) => e.body)).toEqual([undefined, undefined]);
  });

  it.each([{ given: {} }, { given: "text" }, { given: { components: { examples: [] } } }])(
    "finds none in $given",
    ({ given }) => {
      expect(catalogEntries(given)).toEqual([]);
    },
  );
});

describe("codeIndex", () => {
  it("keys entries by the code's text, the first definition winning", () => {
    const twice = {
      ...doc,
      components: {
        ...doc.components,
        examples: { ...doc.components.examples, Dup: entry(500, { errorCode: "BAD", errorMessage: "x" }) },
      },
    };
    const index = codeIndex(catalogEntries(twice));
    expect([...index.keys()]).toEqual(["BAD", "GONE", "7"]);
    expect(index.get("BAD")?.name).toBe("Sales400");
  });
});

import { describe, expect, it } from "vitest";
import type { CatalogFamily } from "./catalog.js";
import { readServerSpec } from "./server-spec.js";

/** A small API: `getThing` documents 404 (one catalogued code) and 429; `putThing` 400 and 404. */
const doc = {
  openapi: "3.1.0",
  paths: {
    "/things/{id}": {
      parameters: [{ name: "id", in: "path", schema: { type: "string", "x-error-code": "BAD_ID" } }],
      get: {
        operationId: "getThing",
        parameters: [
          { name: "id", in: "path", schema: { type: "integer" }, "x-error-code": "NOT_A_NUMBER" },
          { name: "q", in: "query", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "The thing.", content: { "application/json": {}, "text/csv": {} } },
          "404": { $ref: "#/components/responses/Pets404" },
          "429": { $ref: "#/components/responses/Pets429" },
        },
      },
      put: {
        requestBody: { required: true, "x-error-code": "BAD_BODY", content: { "application/json": { schema: {} } } },
        responses: {
          "400": { $ref: "#/components/responses/Pets400" },
          "404": { $ref: "#/components/responses/Pets404" },
        },
      },
    },
  },
  components: {
    responses: {
      Pets400: {
        description: "Bad request.",
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Err" },
            examples: { PetsBadBody: { $ref: "#/components/examples/PetsBadBody" } },
          },
        },
      },
      Pets404: {
        description: "Not found.",
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Err" },
            examples: { PetsGone: { $ref: "#/components/examples/PetsGone" } },
          },
        },
      },
      Pets429: {
        description: "Slow down.",
        headers: { "Retry-After": { required: true, schema: { type: "string" } } },
        content: { "application/json": { schema: { $ref: "#/components/schemas/Err" } } },
      },
    },
    schemas: {
      Err: {
        "x-error-shape": { code: "/code", message: "/message" },
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", minLength: 1 },
          message: { type: "string" },
          more: { $ref: "#/components/schemas/More" },
        },
      },
      More: { type: "object" },
      Unused: { type: "object" },
    },
    examples: {
      PetsGone: { "x-error": { status: 404 }, value: { code: "GONE", message: "The pet is gone." } },
      PetsBadBody: { "x-error": { status: 400 }, value: { code: "BAD_BODY", message: "Not JSON." } },
    },
  },
};

const error = (code: string, status: number, example: string) => ({
  code,
  status,
  message: "",
  description: "",
  retryable: false,
  kind: "code" as const,
  summary: code,
  example,
});
const family: CatalogFamily = {
  id: "pets",
  apis: ["pets"],
  mediaType: "application/json",
  statuses: [],
  errors: [error("GONE", 404, "PetsGone"), error("BAD_BODY", 400, "PetsBadBody")],
};

describe("readServerSpec", () => {
  const spec = readServerSpec("pets", doc, family)!;

  it("reads each operation's codes and statuses (by operationId, else method and path)", () => {
    expect(spec.operations).toMatchObject({
      getThing: { codes: ["GONE"], statuses: [404, 429] },
      "put /things/{id}": { codes: ["BAD_BODY", "GONE"], statuses: [400, 404] },
    });
  });

  it("reads what each operation accepts: its own parameters over its Path Item's, each with its x-error-code", () => {
    expect(spec.operations.getThing!.request).toEqual({
      method: "GET",
      path: "/things/{id}",
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "integer" }, code: "NOT_A_NUMBER" },
        { name: "q", in: "query", required: true, schema: { type: "string" } },
      ],
      produces: ["application/json", "text/csv"],
    });
    expect(spec.operations["put /things/{id}"]!.request).toEqual({
      method: "PUT",
      path: "/things/{id}",
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "string", "x-error-code": "BAD_ID" },
          code: "BAD_ID",
        },
      ],
      body: { required: true, code: "BAD_BODY", content: { "application/json": { schema: {} } } },
      produces: [],
    });
  });

  it("takes an operation's header parameter over its Path Item's of the same name in another case", () => {
    const headers = {
      openapi: "3.1.0",
      paths: {
        "/things": {
          parameters: [{ name: "X-Trace", in: "header", required: true, schema: { type: "string" } }],
          get: { parameters: [{ name: "x-trace", in: "header", schema: { type: "string" } }], responses: {} },
        },
      },
    };
    const { operations } = readServerSpec("pets", { ...doc, paths: headers.paths }, family)!;
    expect(operations["get /things"]?.request?.parameters).toEqual([
      { name: "x-trace", in: "header", required: false, schema: { type: "string" } },
    ]);
  });

  it("keeps the catalog's example bodies, and gives a code-less status a minimal body and the response's description", () => {
    expect(spec.codes.GONE).toEqual({ status: 404, body: { code: "GONE", message: "The pet is gone." } });
    expect(spec.statuses["429"]).toMatchObject({
      retryAfter: true,
      codeRequired: true,
      body: { code: "x", message: "Slow down." },
    });
    expect(spec.statuses["404"]!.body).toBeUndefined();
  });

  it("adds a 500 from the error schema when none is documented, and takes the request bodies' x-error-code", () => {
    expect(spec.internal).toEqual({ status: 500 });
    expect(spec.statuses["500"]).toMatchObject({ reason: "Internal Server Error", mediaType: "application/json" });
    expect(spec.malformedBody).toEqual({ code: "BAD_BODY" });
  });

  it("carries only the schemas the error responses and requests reach", () => {
    expect(Object.keys(spec.schemas).sort()).toEqual(["Err", "More"]);
  });

  it("gives nothing for an API whose error bodies have no shape", () => {
    expect(readServerSpec("none", { openapi: "3.1.0", paths: {} }, undefined)).toBeUndefined();
  });
});

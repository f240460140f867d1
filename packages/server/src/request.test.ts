import { describe, expect, it } from "vitest";
import { ContractError } from "./contract-error.js";
import { createKit } from "./kit.js";
import type { IncomingRequest } from "./request.js";
import type { ServerSpec } from "./spec.js";

/** Given: a small API whose request constraints name codes (`x-error-code`) at several depths. */
const error = (code: string) => ({ status: 400, body: { code, message: `m-${code}` } });
const spec: ServerSpec = {
  api: "pets",
  shape: { code: ["code"], codeType: "string", message: [["message"]], target: ["target"] },
  statuses: {
    "400": { mediaType: "application/json", reason: "Bad Request", retryAfter: false, headers: {} },
    "415": {
      mediaType: "application/json",
      reason: "Unsupported Media Type",
      retryAfter: false,
      headers: {},
      body: { code: "x", message: "Unsupported" },
      codeRequired: true,
    },
    "500": { mediaType: "application/json", reason: "Internal Server Error", retryAfter: false, headers: {} },
  },
  codes: {
    BAD_LIMIT: error("BAD_LIMIT"),
    BAD_BODY: error("BAD_BODY"),
    NO_NAME_OR_TAG: error("NO_NAME_OR_TAG"),
    NAME_TOO_LONG: error("NAME_TOO_LONG"),
    BAD_TOY: error("BAD_TOY"),
    INVALID: error("INVALID"),
    BOOM: { status: 500, body: { code: "BOOM", message: "boom" } },
  },
  operations: {
    addPet: {
      codes: [],
      statuses: [400, 415, 500],
      request: {
        method: "POST",
        path: "/pets",
        produces: ["application/json"],
        parameters: [
          { name: "limit", in: "query", required: false, schema: { type: "integer", maximum: 10 }, code: "BAD_LIMIT" },
          { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
        ],
        body: {
          required: true,
          code: "BAD_BODY",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
        },
      },
    },
  },
  internal: { code: "BOOM" },
  invalidRequest: { code: "INVALID" },
  schemas: {
    Pet: {
      type: "object",
      "x-error-code": "NO_NAME_OR_TAG",
      anyOf: [{ required: ["name"] }, { required: ["tag"] }],
      properties: {
        name: { type: "string", maxLength: 5, "x-error-code": "NAME_TOO_LONG" },
        toys: { type: "array", items: { $ref: "#/components/schemas/Toy" } },
        age: { type: "integer" },
      },
    },
    Toy: { type: "object", "x-error-code": "BAD_TOY", required: ["kind"], properties: { kind: { type: "string" } } },
  },
};
const kit = createKit(spec);

const request = (
  over: Partial<IncomingRequest> & { headers?: Record<string, string | undefined> } = {},
): IncomingRequest => {
  const headers: Record<string, string | undefined> = {
    "x-trace": "t",
    "content-type": "application/json",
    ...over.headers,
  };
  return {
    query: new URLSearchParams(),
    header: (name) => headers[name.toLowerCase()],
    body: '{"name":"Rex"}',
    ...over,
  };
};
/** The code and target a request is refused with, or the parsed body it is accepted with. */
function outcome(incoming: IncomingRequest) {
  try {
    return { accepted: kit.checkRequest("addPet", incoming) };
  } catch (thrown) {
    if (!(thrown instanceof ContractError)) throw thrown;
    const body = thrown.response.body as { code: string; target?: string };
    return { status: thrown.response.status, code: body.code, target: body.target };
  }
}

describe("checkRequest", () => {
  it.each([
    ["a valid request: its body, parsed", request(), { accepted: { name: "Rex" } }],
    ["a query value over its maximum", request({ query: new URLSearchParams("limit=11") }), { code: "BAD_LIMIT" }],
    ["a query value of the wrong type", request({ query: new URLSearchParams("limit=ten") }), { code: "BAD_LIMIT" }],
    [
      "a query value coerced to its type",
      request({ query: new URLSearchParams("limit=3") }),
      { accepted: { name: "Rex" } },
    ],
    [
      "a required header missing, with no code of its own",
      request({ headers: { "x-trace": undefined } }),
      { code: "INVALID" },
    ],
    ["no body", request({ body: "" }), { code: "BAD_BODY" }],
    ["a body that is not JSON", request({ body: "{name" }), { code: "BAD_BODY" }],
    [
      "a media type the operation does not take",
      request({ headers: { "content-type": "text/plain" } }),
      { status: 415, code: "unsupportedMediaType" },
    ],
    ["a member's own code", request({ body: '{"name":"Rexanne"}' }), { code: "NAME_TOO_LONG", target: "name" }],
    ["a union no branch matches: the union's code", request({ body: "{}" }), { code: "NO_NAME_OR_TAG" }],
    [
      "a member without a code: the nearest schema above it",
      request({ body: '{"name":"a","age":"old"}' }),
      { code: "NO_NAME_OR_TAG" },
    ],
    [
      "deep in a $ref'd item: that schema's code",
      request({ body: '{"name":"a","toys":[{}]}' }),
      { code: "BAD_TOY", target: "toys.0" },
    ],
    ["a wrong type deep in a $ref'd item", request({ body: '{"name":"a","toys":[{"kind":1}]}' }), { code: "BAD_TOY" }],
  ])("%s", (_, incoming, want) => {
    expect(outcome(incoming)).toMatchObject(want);
  });

  it("refuses an operation the API does not have", () => {
    expect(() => kit.checkRequest("nope" as never, request())).toThrow(/"nope" is no operation of the API/);
  });

  it("echoes the request's correlation header where the shape has one", () => {
    const correlated = createKit({ ...spec, shape: { ...spec.shape, correlationHeader: "x-id" } });
    try {
      correlated.checkRequest("addPet", request({ body: "", headers: { "x-id": "abc" } }));
      expect.unreachable();
    } catch (thrown) {
      expect((thrown as ContractError).response.headers["x-id"]).toBe("abc");
    }
  });
});

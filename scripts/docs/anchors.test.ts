import { describe, expect, it } from "vitest";
import { codeAnchor, codeLocations, redocOperationRoute, redocResponseHash } from "./anchors.js";
import type { Catalog } from "../core/catalog-format.js";

describe("Redoc's routes", () => {
  const cases: { tag: string; operationId: string; want: string }[] = [
    { tag: "records", operationId: "getCrmRecord", want: "records/getcrmrecord" },
    { tag: "Customer accounts", operationId: "listAccounts", want: "customer-accounts/listaccounts" },
    { tag: "Q&A", operationId: "ask", want: "q-and-a/ask" },
  ];
  it.each(cases)("$tag $operationId → $want", ({ tag, operationId, want }) => {
    expect(redocOperationRoute(tag, operationId)).toBe(want);
  });
  it("links a response of an operation", () => {
    expect(redocResponseHash("records/getcrmrecord", 403)).toBe(
      "#/records/getcrmrecord#records/getcrmrecord/response&c=403/body",
    );
  });
  it("anchors a code on the landing page by family and code", () => {
    expect([codeAnchor("messaging", 30011), codeAnchor("sales", "INSUFFICIENT_PERMISSIONS")]).toEqual([
      "messaging-30011",
      "sales-INSUFFICIENT_PERMISSIONS",
    ]);
  });
});

describe("codeLocations", () => {
  const error = (code: number, example: string) => ({
    code,
    status: 400,
    message: "m",
    description: "d",
    retryable: false,
    summary: "s",
    kind: "code" as const,
    example,
  });
  const catalog: Catalog = {
    families: [
      {
        id: "shop",
        apis: ["shop"],
        mediaType: "application/json",
        statuses: [],
        errors: [error(1, "Shop1"), error(2, "Shop2"), error(3, "Shop3")],
      },
    ],
  };
  const examples = (names: string[]) => ({
    "application/json": { examples: Object.fromEntries(names.map((n) => [n, { $ref: `#/components/examples/${n}` }])) },
  });
  const doc = {
    paths: {
      "/a": {
        get: {
          operationId: "listA",
          tags: ["things"],
          summary: "List A",
          responses: { "400": { $ref: "#/components/responses/Shop400" } },
        },
        post: {
          operationId: "createA",
          tags: ["things"],
          summary: "Create A",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } },
          responses: { "400": { $ref: "#/components/responses/Shop400" } },
        },
      },
      "/b": {
        get: {
          operationId: "getB",
          summary: "Untagged",
          responses: { "400": { description: "x", content: examples(["Shop3"]) } },
        },
      },
    },
    components: {
      schemas: { A: { properties: { name: { type: "string", maxLength: 10, "x-error-code": 2 } } } },
      responses: { Shop400: { description: "Bad Request", content: examples(["Shop1", "Shop2"]) } },
      examples: { Shop1: {}, Shop2: {}, Shop3: {} },
    },
  };
  const found = codeLocations([{ id: "shop", doc }], catalog);
  const cases: {
    anchor: string;
    want: { operationId: string; summary: string; status: number; href: string } | undefined;
  }[] = [
    {
      anchor: "shop-1",
      want: {
        operationId: "listA",
        summary: "List A",
        status: 400,
        href: "shop.html#/things/lista#things/lista/response&c=400/body",
      },
    },
    {
      anchor: "shop-2",
      want: {
        operationId: "createA",
        summary: "Create A",
        status: 400,
        href: "shop.html#/things/createa#things/createa/response&c=400/body",
      },
    },
    { anchor: "shop-3", want: undefined },
  ];
  it.each(cases)("$anchor", ({ anchor, want }) => {
    if (want === undefined) expect(found.get(anchor)).toBeUndefined();
    else expect(found.get(anchor)).toMatchObject({ api: "shop", ...want });
  });
});

import { describe, expect, it } from "vitest";
import type { BundledApi } from "../core/bundle.js";
import { buildCatalog } from "./catalog.js";

const api = (id: string, doc: Record<string, unknown>): BundledApi => ({
  id,
  root: `/spec/${id}/openapi.yaml`,
  doc,
  files: [],
});
const example = (status: number, value: unknown, extra: Record<string, unknown> = {}) => ({
  summary: "s",
  description: "d",
  "x-error": { status, retryable: status >= 500 },
  value,
  ...extra,
});
const response = (description: string, examples: string[]) => ({
  description,
  content: {
    "application/json": {
      examples: Object.fromEntries(examples.map((name) => [name, { $ref: `#/components/examples/${name}` }])),
    },
  },
});
/** The shop's error body, declaring where its code and message are. */
const ShopError = { type: "object", "x-error-shape": { code: "/errorCode", message: "/errorMessage" } };
const shop = (
  examples: Record<string, unknown>,
  responses: Record<string, unknown>,
  paths: Record<string, unknown> = {},
) => api("shop", { paths, components: { examples, responses, schemas: { ShopError } } });

describe("buildCatalog", () => {
  it("reads families, statuses and codes, sorted, with their wire types", () => {
    const { catalog, problems } = buildCatalog(
      [
        shop(
          {
            ShopNotFound: example(404, { errorCode: "NOT_FOUND", errorMessage: "No shop." }),
            ShopDown: example(503, { errorCode: "DOWN", errorMessage: "Down." }),
          },
          { Shop503: response("Service Unavailable", ["ShopDown"]), Shop404: response("Not Found", ["ShopNotFound"]) },
        ),
      ],
      new Map(),
      [],
    );
    expect(problems).toEqual([]);
    expect(catalog).toEqual({
      families: [
        {
          id: "shop",
          apis: ["shop"],
          mediaType: "application/json",
          statuses: [
            { status: 404, meaning: "Not Found", response: "Shop404" },
            { status: 503, meaning: "Service Unavailable", response: "Shop503" },
          ],
          errors: [
            {
              code: "DOWN",
              status: 503,
              message: "Down.",
              description: "d",
              retryable: true,
              kind: "code",
              summary: "s",
              example: "ShopDown",
            },
            {
              code: "NOT_FOUND",
              status: 404,
              message: "No shop.",
              description: "d",
              retryable: false,
              kind: "code",
              summary: "s",
              example: "ShopNotFound",
            },
          ],
        },
      ],
    });
  });

  const problemCases: {
    name: string;
    examples: Record<string, unknown>;
    responses: Record<string, unknown>;
    paths?: Record<string, unknown>;
    files?: string[];
    want: RegExp;
  }[] = [
    {
      name: "a response component under another status",
      examples: {},
      responses: { Shop404: response("Not Found", []) },
      paths: { "/x": { get: { responses: { "410": { $ref: "#/components/responses/Shop404" } } } } },
      want: /response Shop404 describes status 404 but is listed under 410/,
    },
    {
      name: "an example file no response lists",
      examples: {},
      responses: { Shop404: response("Not Found", []) },
      files: ["/spec/components/examples/ShopLost.yaml"],
      want: /example ShopLost is not listed under any response/,
    },
    {
      name: "an example outside every family",
      examples: { OtherThing: example(404, { errorCode: "GONE", errorMessage: "a" }) },
      responses: { Shop404: response("Not Found", ["OtherThing"]) },
      want: /does not start with a family \(shop\)/,
    },
  ];
  it("leaves out, and reports, what the lint step rejects: a second definition of a code, an entry without status, code or message", () => {
    const { catalog, problems } = buildCatalog(
      [
        shop(
          {
            ShopA: example(404, { errorCode: "GONE", errorMessage: "first" }),
            ShopB: example(404, { errorCode: "GONE", errorMessage: "second" }),
            ShopC: { description: "d", "x-error": {}, value: { errorCode: "NO_STATUS", errorMessage: "m" } },
            ShopD: example(404, { errorMessage: "no code" }),
            ShopE: example(404, { errorCode: "NO_MESSAGE" }),
          },
          { Shop404: response("Not Found", ["ShopA", "ShopB", "ShopC", "ShopD", "ShopE"]) },
        ),
      ],
      new Map(),
      [],
    );
    expect(problems.map((p) => p.message)).toEqual([
      "example ShopB is left out of the catalog: its code GONE is already defined by ShopA (rules ec-catalog-entry, ec-catalog-unique-codes)",
      ...["ShopC", "ShopD", "ShopE"].map(
        (name) =>
          `example ${name} is left out of the catalog: it lacks a status, a code or a message (rules ec-catalog-entry, ec-catalog-unique-codes)`,
      ),
    ]);
    expect(catalog.families[0]!.errors.map((e) => [e.code, e.message])).toEqual([["GONE", "first"]]);
  });

  it.each(problemCases)("reports $name", ({ examples, responses, paths, files, want }) => {
    const { problems } = buildCatalog([shop(examples, responses, paths)], new Map(), files ?? []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "error", rule: "catalog", message: expect.stringMatching(want) });
  });

  it("makes an API without <Family><status> responses a family of its own: its documented statuses and examples", () => {
    const body = { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } };
    const failure = (description: string, examples: Record<string, unknown> = {}) => ({
      description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" }, examples } },
    });
    const { catalog, problems } = buildCatalog(
      [
        api("pets", {
          paths: {
            "/pets": {
              get: {
                responses: {
                  "200": { description: "The pets." },
                  "404": failure("No such pet.", { gone: example(404, { code: "PET_GONE", message: "Gone." }) }),
                  "429": failure("Slow down."),
                  "4XX": failure("Any other client error."),
                },
              },
              post: { responses: { "201": { description: "Made." }, "404": failure("Not this one.") } },
            },
          },
          components: { schemas: { Problem: body } },
        }),
      ],
      new Map(),
      [],
    );
    expect(problems).toEqual([]);
    expect(catalog.families).toEqual([
      {
        id: "pets",
        apis: ["pets"],
        mediaType: "application/json",
        statuses: [
          { status: 404, meaning: "No such pet.", response: "" },
          { status: 429, meaning: "Slow down.", response: "" },
        ],
        errors: [
          {
            code: "PET_GONE",
            status: 404,
            message: "Gone.",
            description: "d",
            retryable: false,
            kind: "code",
            summary: "s",
            example: "gone",
          },
        ],
      },
    ]);
  });
});

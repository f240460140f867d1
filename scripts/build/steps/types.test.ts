import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BundledApi } from "../../core/bundle.js";
import { openDocsRenderer } from "../../docs/index.js";
import { openapiText } from "../types.js";
import { typesAhead } from "./types.js";

const redoclyConfig = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../redocly.yaml");
/** A bundled API whose request body openapi-typescript cannot type until `typedBranches` rewrites it. */
const api = {
  id: "shop",
  doc: {
    openapi: "3.1.0",
    info: { title: "Shop", version: "1.0.0" },
    paths: {
      "/orders": {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  anyOf: [{ required: ["text"] }, { required: ["items"] }],
                  properties: { text: { type: "string" }, items: { type: "array", items: { type: "string" } } },
                },
              },
            },
          },
          responses: { "204": { description: "Ordered" } },
        },
      },
    },
  },
} as unknown as BundledApi;

describe("typesAhead", () => {
  it("gives the text this process would make, made in the docs' rendering process", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      const ahead = typesAhead(renderer, { apis: [api], rebuilt: [api] });
      const made = await ahead.get("shop");
      expect(made).toContain("text: string;");
      expect(made).toBe(await openapiText(api.doc));
    } finally {
      await renderer.close();
    }
  });

  it("leaves the types to this process where the rendering process is gone", async () => {
    const renderer = openDocsRenderer({ redoclyConfig, signal: AbortSignal.abort() });
    const ahead = typesAhead(renderer, { apis: [api], rebuilt: [api] });
    expect([...ahead.keys()]).toEqual(["shop"]);
    expect(await ahead.get("shop")).toBeUndefined();
    await renderer.close();
  });
});

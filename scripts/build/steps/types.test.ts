import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BundledApi } from "../../core/bundle.js";
import { type DocsRenderer, openDocsRenderer } from "../../docs/index.js";
import { openapiText, renderTypes } from "../types.js";
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

/** A call of `take` in the rendering process: answered only once the calls sent before it are. */
const claimModule = new URL("../../core/claim.js", import.meta.url).href;
const typesModule = new URL("../openapi-typescript.js", import.meta.url).href;

describe("typesAhead", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "types-ahead-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const done = (renderer: DocsRenderer) => renderer.call(claimModule, "take", [path.join(dir, "done")]);

  it("takes the text the rendering process made where it came first: this process's text, byte for byte", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      const ahead = typesAhead(renderer, { apis: [api], rebuilt: [api] }, dir);
      await done(renderer);
      const made = await ahead.take()?.get("shop");
      ahead.close();
      expect(fs.readdirSync(dir)).toEqual(["done"]);
      expect(made).toContain("text: string;");
      expect(made).toBe(await openapiText(api.doc));
    } finally {
      await renderer.close();
    }
  });

  it("leaves an API to this process where it comes first: the rendering process skips it", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      // The process is busy loading Redocly for a page when this process takes the API.
      const page = renderer.render({
        doc: api.doc,
        lang: "en",
        source: "shop.yaml",
        outFile: path.join(dir, "shop.html"),
      });
      const ahead = typesAhead(renderer, { apis: [api], rebuilt: [api] }, dir);
      expect(ahead.take()).toBeUndefined();
      await page;
      expect(await done(renderer)).toBe(true);
      // The claim is this process's: the rendering process makes nothing under it.
      const [folder] = fs.readdirSync(dir).filter((name) => name.startsWith(".types-claim-"));
      const claim = path.join(dir, folder!, "types");
      expect(await renderer.call(typesModule, "openapiTypes", [api.doc], { claim })).toBeUndefined();
      ahead.close();
      expect(fs.readdirSync(dir).filter((name) => name.startsWith(".types-claim-"))).toEqual([]);
    } finally {
      await renderer.close();
    }
  });

  it("leaves the types to this process where the rendering process took them and failed", async () => {
    const broken = {
      ...api,
      doc: { ...api.doc, paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Nope" } } } } } },
    } as BundledApi;
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      const ahead = typesAhead(renderer, { apis: [broken], rebuilt: [broken] }, dir);
      await done(renderer);
      const made = ahead.take();
      expect(made).toBeInstanceOf(Map);
      expect(await made?.get("shop")).toBeUndefined();
      ahead.close();
      // Made here, it fails as a build without the rendering process would.
      await expect(renderTypes(broken.doc, [], "shop.yaml", "npm run build", undefined)).rejects.toThrow(
        "Can't resolve $ref at #/paths/~1a/get/responses/200",
      );
    } finally {
      await renderer.close();
    }
  });

  it("leaves the types to this process where the rendering process is gone", async () => {
    const renderer = openDocsRenderer({ redoclyConfig, signal: AbortSignal.abort() });
    const ahead = typesAhead(renderer, { apis: [api], rebuilt: [api] }, dir);
    expect(await ahead.take()?.get("shop")).toBeUndefined();
    ahead.close();
    await renderer.close();
  });
});

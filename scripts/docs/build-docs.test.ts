import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { childrenMatching } from "../../test/helpers/cli.js";
import { buildDocs, type BuildDocsInput } from "./build-docs.js";

const redoclyConfig = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../redocly.yaml");
const doc = {
  openapi: "3.1.0",
  info: { title: "Shop", version: "1.0.0" },
  paths: { "/orders": { get: { operationId: "listOrders", responses: { "200": { description: "The orders" } } } } },
};
/** This process's `redocly build-docs` children. */
const buildDocsChildren = () => childrenMatching("build-docs").split("\n").filter(Boolean);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("buildDocs", () => {
  let dir: string;
  const page = (signal?: AbortSignal): BuildDocsInput => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-docs-"));
    return { doc, lang: "en", source: "shop.yaml", redoclyConfig, outFile: path.join(dir, "shop.html"), signal };
  };
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("renders Redoc's page of the API, with nothing left beside it", async () => {
    const html = await buildDocs(page());
    expect(html).toContain("listOrders");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("stops when its signal aborts: Redocly's process is killed, its work folder removed", async () => {
    const stop = new AbortController();
    const rendering = buildDocs(page(stop.signal));
    for (const started = Date.now(); buildDocsChildren().length === 0; await wait(10)) {
      if (Date.now() - started > 10_000) throw new Error("redocly build-docs never started");
    }
    stop.abort();
    await expect(rendering).rejects.toThrow(/redocly build-docs failed on shop\.yaml/);
    expect(buildDocsChildren()).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("does not start a page once its signal has aborted", async () => {
    await expect(buildDocs(page(AbortSignal.abort()))).rejects.toThrow(/aborted/);
    expect(buildDocsChildren()).toEqual([]);
  });
});

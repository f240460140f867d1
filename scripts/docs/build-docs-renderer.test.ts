import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { childrenMatching } from "../../test/helpers/cli.js";
import { findBuildDocsHandler } from "./build-docs-process.js";
import { buildDocs } from "./build-docs.js";
import { openDocsRenderer } from "./build-docs-renderer.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const redoclyConfig = path.resolve(here, "../../redocly.yaml");
const api = (title: string, operationId: string) => ({
  openapi: "3.1.0",
  info: { title, version: "1.0.0" },
  paths: { "/orders": { get: { operationId, responses: { "200": { description: "The orders" } } } } },
});
/** This process's rendering children. */
const renderers = () => childrenMatching("build-docs-process").split("\n").filter(Boolean);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("openDocsRenderer", () => {
  let dir: string;
  const outFile = (name: string) => {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "build-docs-renderer-"));
    return path.join(dir, name);
  };
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined as unknown as string;
  });

  it("renders pages byte for byte as `redocly build-docs` does, several in one process, leaving nothing beside them", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    const pages = [
      { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") },
      { doc: api("Toko", "daftarPesanan"), lang: "id", source: "toko.yaml", outFile: outFile("toko.html") },
    ];
    try {
      const [shop, toko] = await Promise.all(pages.map((page) => renderer.render(page)));
      expect(renderers()).toHaveLength(1);
      expect(shop).toContain("listOrders");
      expect(toko).toContain("daftarPesanan");
      expect(toko).toContain('<html lang="id"');
      expect(renderer.fallback).toBeUndefined();
      expect(shop).toBe(await buildDocs({ ...pages[0]!, redoclyConfig }));
      expect(toko).toBe(await buildDocs({ ...pages[1]!, redoclyConfig }));
    } finally {
      await renderer.close();
    }
    expect(renderers()).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("honours a team's Redocly configuration as the CLI does: Redoc's options, a decorator", async () => {
    const config = outFile("redocly.yaml");
    fs.writeFileSync(
      config,
      "telemetry: off\nextends:\n  - recommended\ndecorators:\n  remove-x-internal: on\n" +
        "openapi:\n  hideDownloadButtons: true\n  sortPropsAlphabetically: true\n",
    );
    const doc = api("Shop", "listOrders") as { paths: Record<string, unknown> };
    doc.paths["/internal"] = {
      get: { operationId: "secretReport", "x-internal": true, responses: { "200": { description: "ok" } } },
    };
    const page = { doc, lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
    const renderer = openDocsRenderer({ redoclyConfig: config });
    try {
      const html = await renderer.render(page);
      expect(renderer.fallback).toBeUndefined();
      expect(html).toContain("listOrders");
      expect(html).not.toContain("secretReport");
      expect(html).toContain('"hideDownloadButtons":true');
      expect(html).toBe(await buildDocs({ ...page, redoclyConfig: config }));
    } finally {
      await renderer.close();
      fs.rmSync(config);
    }
  });

  it("fails a page Redocly cannot render with Redocly's reason, and renders the next", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      const bad = { doc: { asyncapi: "9.9.9" }, lang: "en", source: "bad.yaml", outFile: outFile("bad.html") };
      const reason = await buildDocs({ ...bad, redoclyConfig }).catch((error: Error) => error.message);
      expect(reason).toMatch(/^redocly build-docs failed on bad\.yaml: \S/);
      await expect(renderer.render(bad)).rejects.toThrow(reason as string);
      const good = { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
      expect(await renderer.render(good)).toContain("listOrders");
    } finally {
      await renderer.close();
    }
  });

  it("stops when its signal aborts: the process is killed, the pages fail, their work folders are removed", async () => {
    const stop = new AbortController();
    const renderer = openDocsRenderer({ redoclyConfig, signal: stop.signal });
    const page = { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
    const rendering = renderer.render(page);
    for (const started = Date.now(); renderers().length === 0; await wait(10)) {
      if (Date.now() - started > 10_000) throw new Error("the renderer never started");
    }
    stop.abort();
    await expect(rendering).rejects.toThrow(/redocly build-docs failed on shop\.yaml: aborted/);
    await renderer.close();
    expect(renderers()).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("renders each page through `redocly build-docs` where Redocly's handler cannot be had", async () => {
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), "fake-redocly-"));
    const renderer = openDocsRenderer({ redoclyConfig, redoclyCliDir: fake });
    const page = { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
    try {
      const html = await renderer.render(page);
      expect(renderer.fallback).toMatch(/no lib\/index\.js/);
      expect(html).toContain("listOrders");
      expect(html).toBe(await buildDocs({ ...page, redoclyConfig }));
    } finally {
      await renderer.close();
      fs.rmSync(fake, { recursive: true, force: true });
    }
  });

  it("fails the pages of a process that died with how it ended, not with an earlier page's line", async () => {
    const renderer = openDocsRenderer({ redoclyConfig });
    const first = { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
    const second = { ...first, source: "toko.yaml", outFile: outFile("toko.html") };
    expect(await renderer.render(first)).toContain("listOrders");
    process.kill(Number(renderers()[0]), "SIGKILL");
    for (const killed = Date.now(); renderers().length > 0; await wait(10)) {
      if (Date.now() - killed > 10_000) throw new Error("the renderer outlived SIGKILL");
    }
    await expect(renderer.render(second)).rejects.toThrow(
      "redocly build-docs failed on toko.yaml: the rendering process ended (SIGKILL)",
    );
    await renderer.close();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("calls a module's export in its process: its value (a Date stays a Date), or its error's message", async () => {
    const module = outFile("calls.mjs");
    fs.writeFileSync(
      module,
      "export const pid = () => process.pid;\n" +
        "export const later = (date, days) => new Date(date.getTime() + days * 86400000);\n" +
        'export function fail() { throw new Error("no such page\\nat line 2"); }\n',
    );
    const url = `file://${module}`;
    const renderer = openDocsRenderer({ redoclyConfig });
    try {
      expect(await renderer.call(url, "pid", [])).toBe(Number(renderers()[0]));
      const later = await renderer.call<Date>(url, "later", [new Date("2026-01-30T00:00:00Z"), 2]);
      expect(later).toEqual(new Date("2026-02-01T00:00:00Z"));
      await expect(renderer.call(url, "fail", [])).rejects.toThrow(/^at line 2$/);
      await expect(renderer.call(url, "missing", [])).rejects.toThrow(`${url} has no function missing`);
      // Claimed: by whoever creates the claim file first; the process's later calls with its claim are its own.
      const claim = outFile("claim");
      const pid = Number(renderers()[0]);
      expect(await renderer.call(url, "pid", [], { claim })).toBe(pid);
      expect(fs.existsSync(claim)).toBe(true);
      expect(await renderer.call(url, "pid", [], { claim })).toBe(pid);
      const takenHere = outFile("taken");
      fs.writeFileSync(takenHere, "");
      expect(await renderer.call(url, "pid", [], { claim: takenHere })).toBeUndefined();
    } finally {
      await renderer.close();
    }
    await expect(renderer.call(url, "pid", [])).rejects.toThrow();
  });

  it("starts nothing once its signal has aborted", async () => {
    const renderer = openDocsRenderer({ redoclyConfig, signal: AbortSignal.abort() });
    const page = { doc: api("Shop", "listOrders"), lang: "en", source: "shop.yaml", outFile: outFile("shop.html") };
    await expect(renderer.render(page)).rejects.toThrow(/aborted/);
    await renderer.close();
    expect(renderers()).toEqual([]);
  });
});

describe("findBuildDocsHandler", () => {
  const cliDir = path.dirname(fileURLToPath(import.meta.resolve("@redocly/cli/package.json")));

  it("finds the handler Redocly CLI's own `build-docs` command imports", async () => {
    const found = await findBuildDocsHandler(cliDir);
    expect("handler" in found && typeof found.handler).toBe("function");
  });

  it.each([
    ["no lib/index.js", {}, /no lib\/index\.js/],
    ["an index that imports no handler", { "lib/index.js": "export {};" }, /does not import handlerBuildCommand/],
    [
      "a module without the handler",
      {
        "lib/index.js": 'const {handlerBuildCommand:e}=await import("./chunks/A.js");',
        "lib/chunks/A.js": "export {};",
      },
      /A\.js has no handlerBuildCommand function/,
    ],
  ])("says why it cannot be had, given %s", async (_, files: Record<string, string>, reason) => {
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), "fake-redocly-"));
    try {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(fake, file)), { recursive: true });
        fs.writeFileSync(path.join(fake, file), text);
      }
      expect(await findBuildDocsHandler(fake)).toEqual({ reason: expect.stringMatching(reason) });
    } finally {
      fs.rmSync(fake, { recursive: true, force: true });
    }
  });
});

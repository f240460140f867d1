/** The shape of openapi/ itself: names, folders, headers, limits and extensions. */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { operations as operationsOf } from "../src/openapi/index.js";
import type { Catalog } from "../scripts/build/catalog.js";
import { componentFiles } from "../scripts/core/sources.js";
import { repoRoot } from "./helpers/cli.js";
import { deref, type Json } from "./helpers/openapi.js";

const openapiDir = path.join(repoRoot, "openapi");
const apis = ["messaging", "partner", "referrals", "sales"];
const bundles = new Map(
  apis.map((api) => [
    api,
    parse(fs.readFileSync(path.join(repoRoot, "generated", api, "openapi.yaml"), "utf8")) as Json,
  ]),
);
const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "catalog.json"), "utf8")) as Catalog;
/** The operations of a bundle, read as the tests read it (see `Json` in helpers/openapi.ts). */
const operations = (doc: Json) =>
  operationsOf(doc).map((op) => ({ ...op, operation: op.operation as Json, item: op.item as Json }));
const yamlFiles = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
    .map((e) => path.join(e.parentPath, e.name));

describe("openapi/ layout", () => {
  it("names every component file uniquely (the bundler would rename a clash to Error-2)", () => {
    const { files, problems } = componentFiles(path.join(openapiDir, "components"));
    expect(problems).toEqual([]);
    expect(files.size).toBeGreaterThan(100);
    for (const doc of bundles.values()) {
      for (const group of Object.values(doc.components as Json))
        for (const name of Object.keys(group as Json)) expect(name).not.toMatch(/-\d+$/);
    }
  });

  it("has a README in every folder", () => {
    const dirs = [
      openapiDir,
      ...fs
        .readdirSync(openapiDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(e.parentPath, e.name)),
    ];
    const missing = dirs.filter((dir) => !fs.existsSync(path.join(dir, "README.md")));
    expect(missing.map((dir) => path.relative(repoRoot, dir))).toEqual([]);
  });

  it("documents every x- extension it uses in docs/extensions.md", () => {
    const documented = new Set(
      [...fs.readFileSync(path.join(repoRoot, "docs", "extensions.md"), "utf8").matchAll(/^### (x-[\w-]+)$/gm)].map(
        (m) => m[1],
      ),
    );
    const used = new Set<string>();
    const walk = (node: unknown, parentKey: string) => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        // Keys of a `headers` map are header names (x-ms-correlation-id), not extensions.
        if (key.startsWith("x-") && parentKey !== "headers") used.add(key);
        walk(value, key);
      }
    };
    for (const file of yamlFiles(openapiDir)) walk(parse(fs.readFileSync(file, "utf8")), "");
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((x) => !documented.has(x))).toEqual([]);
  });
});

describe.each(apis)("%s API", (api) => {
  const doc = bundles.get(api)!;
  const family = catalog.families.find((f) => f.apis.includes(api))!;

  it("declares a 2xx and refers to a shared component for every error response", () => {
    for (const { route, method, operation } of operations(doc)) {
      const keys = Object.keys(operation.responses);
      expect(
        keys.some((k) => k.startsWith("2")),
        `${method} ${route}`,
      ).toBe(true);
      expect(keys.some((k) => k.startsWith("4")) && keys.some((k) => k.startsWith("5")), `${method} ${route}`).toBe(
        true,
      );
      for (const key of keys.filter((k) => Number(k) >= 400)) {
        expect(operation.responses[key].$ref, `${method} ${route} ${key}`).toMatch(
          new RegExp(`^#/components/responses/[A-Z][a-z]+${key}$`),
        );
      }
    }
  });

  it("puts Retry-After on every 429 and 503, and the correlation id on every messaging error", () => {
    for (const { operation } of operations(doc)) {
      for (const [key, ref] of Object.entries(operation.responses as Json)) {
        const headers = Object.keys(deref(doc, ref as Json).headers ?? {}).map((h) => h.toLowerCase());
        if (key === "429" || key === "503") expect(headers, key).toContain("retry-after");
        if (api === "messaging" && Number(key) >= 400) expect(headers, key).toContain("x-ms-correlation-id");
      }
    }
  });

  it("names a catalogued 400 code for every input limit", () => {
    const limits = ["maxLength", "minLength", "maximum", "minimum", "maxItems", "maxProperties"];
    const codes = new Map(family.errors.map((e) => [String(e.code), e.status]));
    let checked = 0;
    const visit = (schema: Json, where: string, seen: Set<Json>) => {
      if (!schema || typeof schema !== "object" || seen.has(schema)) return;
      seen.add(schema);
      const resolved = deref(doc, schema);
      if (resolved !== schema) return visit(resolved, where, seen);
      if (limits.some((k) => k in schema) || "anyOf" in schema) {
        checked++;
        expect(schema["x-error-code"], `${where} has a limit without x-error-code`).toBeDefined();
      }
      if ("x-error-code" in schema)
        expect(codes.get(String(schema["x-error-code"])), `${where}: x-error-code ${schema["x-error-code"]}`).toBe(400);
      for (const child of Object.values(schema.properties ?? {})) visit(child as Json, where, seen);
      if (schema.items) visit(schema.items, where, seen);
    };
    for (const { route, method, operation, parameters } of operations(doc)) {
      for (const param of parameters.map((p) => deref(doc, p.parameter)))
        visit(param.schema, `${method} ${route} ${param.name}`, new Set());
      if (operation.requestBody) {
        const body = deref(doc, operation.requestBody);
        if ("x-error-code" in body) expect(codes.get(String(body["x-error-code"]))).toBe(400);
        for (const media of Object.values(body.content as Json))
          visit((media as Json).schema, `${method} ${route} body`, new Set());
      }
    }
    if (api === "messaging") expect(checked).toBeGreaterThanOrEqual(7);
  });
});

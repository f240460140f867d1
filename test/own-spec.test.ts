/**
 * "Use it for your own API": `build` on a public spec that is not this repo's: Directus's OpenAPI
 * 3.0 JSON, as `@directus/specs` (a pinned dev dependency) ships it, with a ruleset of no rules.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./helpers/cli.js";
import { runInProcess } from "./helpers/in-process.js";
import { scratchDir } from "./helpers/scratch.js";

// The package exports only its parsed spec: its file is read where the package keeps it.
const directusPackage = createRequire(import.meta.url).resolve("@directus/specs/package.json");
const directusFile = path.join(path.dirname(directusPackage), "dist", "openapi.json");
const directusText = fs.readFileSync(directusFile, "utf8");
// biome-ignore lint/suspicious/noExplicitAny: a public spec, read as it is published
const directus = JSON.parse(directusText) as Record<string, any>;

/**
 * The error statuses a spec documents, found here without the toolkit: every 4xx, 5xx, 4XX, 5XX and
 * default response key of its operations (none of Directus's is behind a `$ref`), each once.
 */
function errorKeys(doc: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, { responses?: object }>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!/^(get|put|post|delete|options|head|patch|trace)$/.test(method)) continue;
      for (const key of Object.keys(operation.responses ?? {})) {
        if (/^[45](\d\d|XX)$/i.test(key) || key === "default") keys.add(key.toUpperCase());
      }
    }
  }
  return keys;
}

const { dir, write } = scratchDir("own-spec");
const noRules = "rules: {}\n";

describe("a public spec from npm: Directus (OpenAPI 3.0, JSON, one file)", () => {
  it("is the spec the test means: OpenAPI 3.0 JSON documenting error statuses, without an error catalog", () => {
    expect(directus.openapi).toMatch(/^3\.0\./);
    expect(errorKeys(directus).size).toBeGreaterThan(3);
    expect(directusText).not.toContain("x-error");
  });

  it("builds from the package's file, with the project's .spectral.yaml of no rules: types and a client", async () => {
    // A project of its own: the build takes ./.spectral.yaml from where it runs.
    const project = path.join(dir, "project");
    write("project/.spectral.yaml", noRules);
    const run = await runCli(["build", directusFile, "--out", "out", "--no-docs"], project);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = path.join(project, "out");
    // Named after its info.title, not after the package's dist/ folder.
    expect(fs.readdirSync(out).sort()).toEqual([".error-contracts-output", "README.md", "catalog.json", "directus"]);
    expect(fs.readdirSync(path.join(out, "directus")).sort()).toEqual(["client.ts", "openapi.yaml", "types.ts"]);
    const types = fs.readFileSync(path.join(out, "directus", "types.ts"), "utf8");
    for (const route of Object.keys(directus.paths)) expect(types).toContain(`"${route}": {`);
    expect(fs.readFileSync(path.join(out, "directus", "client.ts"), "utf8")).toContain(
      "export function createDirectusClient(",
    );
    // Each step line names only what it wrote; the summary counts the statuses the spec documents.
    expect(run.stdout).toMatch(/^lint {5}\.spectral\.yaml: 0 errors, 0 warnings +\d+ ms$/m);
    expect(run.stdout).toMatch(/^clients {2}1 × client\.ts; README\.md +\d+ ms$/m);
    const statuses = errorKeys(directus).size;
    expect(run.stdout).toMatch(
      new RegExp(`^built 1 of 1 API, 0 error codes, ${statuses} error statuses into out in \\d+ ms$`, "m"),
    );
  });
});

describe("a folder of roots: JSON and YAML, 3.0 and 3.1, in <api>/ folders and at the top", () => {
  const spec = path.join(dir, "specs");
  write("specs/openapi.json", directusText);
  const store = [
    "openapi: 3.1.0",
    "info: { title: Store, version: '1' }",
    "paths:",
    "  /orders/{id}:",
    "    get:",
    "      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]",
    "      responses:",
    "        '200': { description: The order., content: { application/json: { schema: { type: object } } } }",
    "        '404': { description: No such order. }",
    "        '5XX': { description: The store failed. }",
    "        default: { description: Anything else. }",
    "",
  ].join("\n");
  write("specs/store/openapi.yaml", store);
  const twin = write("specs/store/openapi.json", JSON.stringify({ openapi: "3.1.0" }));

  it("builds every root, names what it skips and why, and the landing page counts the documented statuses", async () => {
    const ruleset = write("no-rules.yaml", noRules);
    const out = path.join(dir, "folder-out");
    const run = await runInProcess(["build", spec, "--out", out, "--ruleset", ruleset]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // The ruleset as lint names it: its path from here, not its bare name (which could be another folder's).
    expect(run.stdout).toContain(`lint     ${path.relative(process.cwd(), ruleset)}: 0 errors, 0 warnings`);
    const skipped = `skipped  ${path.relative(process.cwd(), twin)}: store/openapi.yaml is this folder's root`;
    expect(run.stdout.split("\n").filter((line) => line.startsWith("skipped"))).toEqual([skipped]);
    expect(run.stdout).toMatch(/^bundle {3}2 APIs: directus, store +\d+ ms$/m);
    for (const api of ["directus", "store"]) {
      expect(fs.existsSync(path.join(out, api, "types.ts")), api).toBe(true);
      expect(fs.existsSync(path.join(out, api, "client.ts")), api).toBe(true);
    }
    // The do-not-edit line names the command that makes the files again, from the spec folder's parent.
    expect(fs.readFileSync(path.join(out, "store", "client.ts"), "utf8").split("\n")[0]).toBe(
      "// Generated by error-contracts from specs/store/openapi.yaml. Do not edit: change the spec and run `error-contracts build specs --out folder-out`.",
    );
    const storeKeys = errorKeys(parse(store));
    const all = new Set([...errorKeys(directus), ...storeKeys]);
    expect(run.stdout).toMatch(new RegExp(`^built 2 of 2 APIs, 0 error codes, ${all.size} error statuses into `, "m"));
    const landing = fs.readFileSync(path.join(out, "docs", "index.html"), "utf8");
    expect(landing).toContain(`<div><b>${all.size}</b><span>HTTP error statuses</span></div>`);
    expect(landing).toContain(`<span>0 codes</span><span>${errorKeys(directus).size} error statuses</span>`);
    expect(landing).toContain(`<span>0 codes</span><span>${storeKeys.size} error statuses</span>`);
    // Each API without a catalog is a row of the matrix: a dot for each status it documents.
    expect(landing).toMatch(/<tr><th scope="row">store<\/th>.*<span class="dot" title="404 No such order\./);
    expect(fs.existsSync(path.join(out, "docs", "directus.html"))).toBe(true);
  });
});

describe("a spec at the top of a project, beside its package.json", () => {
  it("is refused without --out, before any work: its default output would be beside the project, outside it", async () => {
    write("top/package.json", '{ "name": "orders-api", "private": true }\n');
    write("top/api.json", directusText);
    for (const spec of [path.join(dir, "top", "api.json"), path.join(dir, "top")]) {
      const run = await runInProcess(["build", spec, "--no-docs"]);
      expect(run.stderr).toBe(
        `error-contracts: ${spec}: the build writes generated/ beside the spec's folder, which here is a project (package.json), so outside it: put the spec in a folder of its own, such as spec/\n`,
      );
      expect(run.code).toBe(2);
    }
    expect(fs.existsSync(path.join(dir, "generated"))).toBe(false);
  });
});

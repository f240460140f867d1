/**
 * A project of a team's own installing the clients alone, as `npm pack` makes them of this repo's
 * packages `@error-contracts/runtime` and `@error-contracts/apis`: at most 5 packages and 2 MB of
 * node_modules; the clients' type tests compile under `tsc --strict` against the package names; a
 * client answers with an `ApiError` from Prism on 127.0.0.1. (The toolkit installed for an API of
 * one's own: test/own-api.test.ts.) The installs need the registry for whatever the npm cache lacks.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../scripts/mock/prism.js";
import { repoRoot, runCommand, type Run } from "./helpers/cli.js";
import { bundlePath, catalog, operationWithExample } from "./helpers/openapi.js";
import { compile, installedProject, itInstalls, npmEnv, pack } from "./helpers/packages.js";

/** What installing the runtime and the four APIs' clients may pull at most. */
const limits = { packages: 5, bytes: 2_000_000 };

interface LsNode {
  version?: string;
  dependencies?: Record<string, LsNode>;
}

/** Every package `npm ls --all --json` lists, once per name and version. */
function installedPackages(tree: LsNode): Set<string> {
  const found = new Set<string>();
  const walk = (node: LsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      found.add(`${name}@${child.version}`);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Bytes on disk under a folder, as `du` counts them (blocks, links not followed). */
function diskUsage(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .reduce((sum, entry) => sum + fs.lstatSync(path.join(entry.parentPath, entry.name)).blocks * 512, 0);
}

describe("projects installing the packed packages", () => {
  let dir: string;
  let tarballs = new Map<string, string>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-"));
    tarballs = await pack(dir, ["@error-contracts/runtime", "@error-contracts/apis"], false);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe("the clients alone: @error-contracts/runtime and @error-contracts/apis", () => {
    let project: string;
    let install: Run;
    let mock: MockServer | undefined;
    beforeAll(async () => {
      const wanted = ["@error-contracts/runtime", "@error-contracts/apis"].map((name) => tarballs.get(name)!);
      ({ project, install } = await installedProject(dir, "clients", {}, wanted));
    }, 300_000);
    afterAll(() => mock?.close());
    itInstalls(() => install);

    it(`pulls at most ${limits.packages} packages and ${limits.bytes / 1e6} MB of node_modules`, async () => {
      const ls = await runCommand("npm", ["ls", "--all", "--json"], project, npmEnv);
      expect(ls.code, ls.stderr).toBe(0);
      const packages = installedPackages(JSON.parse(ls.stdout));
      expect(packages).toContain("@error-contracts/runtime@0.1.0");
      expect(packages.size, [...packages].join(", ")).toBeLessThanOrEqual(limits.packages);
      expect(diskUsage(path.join(project, "node_modules"))).toBeLessThanOrEqual(limits.bytes);
    });

    it("ships compiled JavaScript and declarations, the catalog, and no tests", () => {
      const apis = path.join(project, "node_modules", "@error-contracts", "apis", "dist");
      for (const api of catalog.families.flatMap((family) => family.apis))
        for (const file of ["client.js", "client.d.ts", "errors.js", "types.d.ts"])
          expect(fs.existsSync(path.join(apis, api, file)), `${api}/${file}`).toBe(true);
      expect(fs.existsSync(path.join(apis, "catalog.json"))).toBe(true);
      const runtime = path.join(project, "node_modules", "@error-contracts", "runtime");
      expect(fs.readdirSync(path.join(runtime, "dist")).sort()).toEqual(
        ["client", "errors", "index", "parse", "retry"].flatMap((name) => [`${name}.d.ts`, `${name}.js`]),
      );
      expect(fs.readdirSync(runtime).sort()).toEqual(["README.md", "dist", "package.json"]);
    });

    it("compiles the type tests under tsc --strict, importing by package name", async () => {
      const source = fs
        .readFileSync(path.join(repoRoot, "test", "types", "consumer.ts"), "utf8")
        .replace(/"\.\.\/\.\.\/generated\/(\w+)\/client\.js"/g, '"@error-contracts/apis/$1"');
      expect(source).not.toMatch(/"\.\.?\//);
      expect(source).toMatch(/from "@error-contracts\/runtime"/);
      fs.writeFileSync(path.join(project, "consumer.mts"), source);
      const run = await compile(project, "consumer.mts");
      expect(run.stdout + run.stderr).toBe("");
      expect(run.code).toBe(0);
    });

    it("calls a client against Prism: an ApiError of the one runtime, with the catalog's entry", async () => {
      const family = catalog.families.find((f) => f.errors.some((e) => e.kind === "innerCode"))!;
      const api = family.apis[0]!;
      const error = family.errors.find((e) => e.kind === "innerCode")!;
      const op = operationWithExample(api, error.status, error.example)!;
      mock = await startMock(bundlePath(api), { port: 0 });
      const script = `
        import { ApiError } from "@error-contracts/runtime";
        import * as api from "@error-contracts/apis/${api}";
        import catalog from "@error-contracts/apis/catalog.json" with { type: "json" };
        const create = Object.values(api).find((value) => typeof value === "function" && /^create\\w+Client$/.test(value.name));
        const client = create({ baseUrl: process.env.MOCK, headers: { Authorization: "Bearer x" }, retries: 0 });
        const { error } = await client.${op.method.toUpperCase()}(${JSON.stringify(op.route)}, { ...${JSON.stringify(op.init)}, headers: { Prefer: ${JSON.stringify(`code=${error.status}, example=${error.example}`)} } });
        const listed = catalog.families.flatMap((f) => f.errors).find((e) => e.code === error.specificCode);
        console.log(JSON.stringify({ isApiError: error instanceof ApiError, status: error.status, specificCode: error.specificCode, message: error.catalog?.message, listed: listed?.message }));
      `;
      fs.writeFileSync(path.join(project, "call.mjs"), script);
      const run = await runCommand(process.execPath, ["call.mjs"], project, { MOCK: mock.url });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        isApiError: true,
        status: error.status,
        specificCode: error.code,
        message: error.message,
        listed: error.message,
      });
    });
  });
});

/**
 * Projects of a team's own installing what `npm pack` makes of this repo's three packages:
 * - the clients alone, `@error-contracts/runtime` and `@error-contracts/apis`: at most 5 packages and 2 MB of
 *   node_modules; the clients' type tests compile under `tsc --strict` against the package names; a client
 *   answers with an `ApiError` from Prism on 127.0.0.1;
 * - the toolkit, `error-contracts` (with the runtime it depends on): the ruleset extended from the project's
 *   .spectral.yaml, `error-contracts lint`, and `error-contracts build` of the project's own spec, whose client
 *   compiles in that project and calls a server on 127.0.0.1.
 * One `npm pack` for all three (each package's prepack compiles its dist/; two packs at once would race on it).
 * The installs need the registry for whatever the npm cache lacks (everything, on a fresh machine).
 * (Over 250 lines as one job: one pack, two installed projects and what each must be able to do.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../scripts/mock/prism.js";
import { repoRoot, runCommand, type Run } from "./helpers/cli.js";
import { bundlePath, catalog, operationWithExample } from "./helpers/openapi.js";
import { startHttpServer, type TestServer } from "./helpers/servers.js";

/** What installing the runtime and the four APIs' clients may pull at most. */
const limits = { packages: 5, bytes: 2_000_000 };

const errorSchemas = `  schemas:
    ErrorResponse:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code: {type: string}
            message: {type: string, maxLength: 1024}
            innerError: {$ref: '#/components/schemas/InnerError'}
    InnerError:
      type: object
      properties:
        code: {type: string}
        innerError: {$ref: '#/components/schemas/InnerError'}
`;
const spec = (retryAfter: string) => `openapi: 3.1.0
info: {title: Orders API, version: 1.0.0}
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200': {description: The orders.}
        '429': {$ref: '#/components/responses/Error'}
        '500': {$ref: '#/components/responses/Error'}
components:
${errorSchemas}  responses:
    Error:
      description: A failure.${retryAfter}
      content:
        application/json:
          schema: {$ref: '#/components/schemas/ErrorResponse'}
`;
/** A spec the ruleset flags (a 429 without Retry-After), for lint; one it passes, for the build. */
const flaggedSpec = spec("");
const ordersSpec = spec(`
      headers:
        Retry-After: {description: Seconds to wait., schema: {type: integer}}`);

const npmEnv = { SCARF_ANALYTICS: "false" };
// --prefer-offline: the npm cache when it holds a package's metadata and tarball, the registry otherwise.
// (--offline failed with ENOTCACHED after `npm ci` with an empty cache: the tarballs' dependencies must be
// resolved from registry metadata, which `npm ci` never fetches since it reads the lockfile.)
const installFlags = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];

/** A new project folder under `dir` with a package.json and `files`, and `npm install` of `tarballs` in it. */
async function installedProject(
  dir: string,
  name: string,
  files: Record<string, string>,
  tarballs: string[],
): Promise<{ project: string; install: Run }> {
  const project = path.join(dir, name);
  const packageJson = { name, version: "1.0.0", private: true, type: "module" };
  for (const [file, text] of Object.entries({ "package.json": JSON.stringify(packageJson), ...files })) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
  return { project, install: await runCommand("npm", ["install", ...tarballs, ...installFlags], project, npmEnv) };
}

/** The test that an install went through. */
const itInstalls = (install: () => Run) =>
  it("installs", () => {
    expect(install().stderr).not.toMatch(/npm error/);
    expect(install().code).toBe(0);
  });

/** `tsc --strict` on one file of a project, as a browser-or-Node consumer compiles: the DOM's fetch, no @types/node. */
async function compile(project: string, file: string, outDir?: string) {
  const compilerOptions = {
    strict: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2022", "dom"],
    types: [],
    skipLibCheck: true,
    ...(outDir ? { outDir, rootDir: "." } : { noEmit: true }),
  };
  fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: [file] }));
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  return runCommand(process.execPath, [tsc, "-p", "."], project);
}

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
  const tarballs = new Map<string, string>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-"));
    const pack = await runCommand(
      "npm",
      ["pack", "--workspaces", "--include-workspace-root", "--pack-destination", dir, "--json"],
      repoRoot,
      npmEnv,
    );
    expect(pack.code, pack.stderr).toBe(0);
    for (const { name, filename } of JSON.parse(pack.stdout) as { name: string; filename: string }[])
      tarballs.set(name, path.join(dir, filename));
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

  describe("the toolkit: error-contracts", () => {
    let project: string;
    let install: Run;
    let server: TestServer | undefined;
    const bin = (name: string) => path.join(project, "node_modules", ".bin", name);
    beforeAll(async () => {
      const files = {
        ".spectral.yaml": "extends:\n  - ./node_modules/error-contracts/spectral/ruleset.yaml\n",
        "openapi.yaml": flaggedSpec,
        "openapi/orders/openapi.yaml": ordersSpec,
      };
      // The runtime beside the toolkit: the toolkit depends on it, and it is not on the registry.
      const wanted = ["error-contracts", "@error-contracts/runtime"].map((name) => tarballs.get(name)!);
      ({ project, install } = await installedProject(dir, "toolkit", files, wanted));
    }, 300_000);
    afterAll(() => server?.close());
    itInstalls(() => install);

    it("extends the ruleset from its own .spectral.yaml and lints with Spectral's CLI", async () => {
      const run = await runCommand(bin("spectral"), ["lint", "openapi.yaml", "-f", "json", "-q"], project);
      const results = JSON.parse(run.stdout) as { code: string; path: string[] }[];
      expect(results.map((r) => [r.code, r.path.join(".")])).toEqual([
        ["ec-retry-after-429", "components.responses.Error"],
      ]);
      expect(run.code).toBe(1);
    });

    it("lints with error-contracts lint, using the project's .spectral.yaml", async () => {
      const run = await runCommand(bin("error-contracts"), ["lint", "openapi.yaml", "--format", "text"], project);
      expect(run.stdout.trim()).toMatch(
        /^openapi\.yaml:30:5 error ec-retry-after-429 "A 429 response must declare the Retry-After header/,
      );
      expect(run.code).toBe(1);
    });

    it("builds a client of its own spec that names its source, compiles there and calls a server", async () => {
      const build = await runCommand(bin("error-contracts"), ["build", "--no-docs"], project);
      expect(build.stderr).toBe("");
      expect(build.code).toBe(0);
      const client = fs.readFileSync(path.join(project, "generated", "orders", "client.ts"), "utf8");
      expect(client.split("\n")[0]).toBe(
        "// Generated by error-contracts from openapi/orders/openapi.yaml. Do not edit: change the spec and run `error-contracts build`.",
      );
      const compiled = await compile(project, "generated/orders/client.ts", "out");
      expect(compiled.stdout + compiled.stderr).toBe("");
      expect(compiled.code).toBe(0);
      server = await startHttpServer((_request, response) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: "OrdersDown", message: "The orders store is down." } }));
      });
      const script = `
        import { createOrdersClient, isOrdersError } from "./out/generated/orders/client.js";
        const { error } = await createOrdersClient({ baseUrl: process.env.SERVER, retries: 0 }).GET("/orders");
        console.log(JSON.stringify({ isOrdersError: isOrdersError(error), status: error.status, code: error.code, message: error.message }));
      `;
      fs.writeFileSync(path.join(project, "call.mjs"), script);
      const run = await runCommand(process.execPath, ["call.mjs"], project, { SERVER: server.url });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        isOrdersError: true,
        status: 500,
        code: "OrdersDown",
        message: "The orders store is down.",
      });
    });
  });
});

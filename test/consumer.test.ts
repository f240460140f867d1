/**
 * A team's own project installs this package from `npm pack` (whose prepack compiles the
 * clients' runtime and the clients into dist/), extends the ruleset from its .spectral.yaml and
 * lints a spec of its own, with Spectral's CLI and with ours; compiles the clients' type tests
 * against the installed package under `tsc --strict`; and calls a client against Prism.
 * One pack for all: two packs at once would race on dist/. The install needs the registry for whatever the
 * npm cache lacks (everything, on a fresh machine).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../scripts/mock/prism.js";
import { repoRoot, runCommand } from "./helpers/cli.js";
import { catalog, operationWithExample } from "./helpers/openapi.js";

const spec = `openapi: 3.1.0
info: {title: Consumer API, version: 1.0.0}
paths:
  /orders:
    get:
      responses:
        '200': {description: The orders.}
        '429': {$ref: '#/components/responses/Error'}
        '500': {$ref: '#/components/responses/Error'}
components:
  schemas:
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
  responses:
    Error:
      description: A failure.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/ErrorResponse'}
`;

describe("a consumer project installed from npm pack", () => {
  let dir: string;
  let install: Awaited<ReturnType<typeof runCommand>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-"));
    const pack = await runCommand("npm", ["pack", "--pack-destination", dir, "--silent"], repoRoot, {
      SCARF_ANALYTICS: "false",
    });
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = path.join(dir, pack.stdout.trim().split("\n").pop()!);
    const project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    );
    fs.writeFileSync(
      path.join(project, ".spectral.yaml"),
      "extends:\n  - ./node_modules/error-contracts/spectral/ruleset.yaml\n",
    );
    fs.writeFileSync(path.join(project, "openapi.yaml"), spec);
    // --prefer-offline: the npm cache when it holds a package's metadata and tarball, the registry otherwise.
    // (--offline failed with ENOTCACHED after `npm ci` with an empty cache: the tarball's dependencies must be
    // resolved from registry metadata, which `npm ci` never fetches since it reads the lockfile.)
    const flags = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];
    install = await runCommand("npm", ["install", tarball, ...flags], project, { SCARF_ANALYTICS: "false" });
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("installs", () => {
    expect(install.stderr).not.toMatch(/npm error/);
    expect(install.code).toBe(0);
  });

  it("extends the ruleset from its own .spectral.yaml and lints with Spectral's CLI", async () => {
    const project = path.join(dir, "project");
    const run = await runCommand(
      path.join(project, "node_modules", ".bin", "spectral"),
      ["lint", "openapi.yaml", "-f", "json", "-q"],
      project,
    );
    const results = JSON.parse(run.stdout) as { code: string; path: string[] }[];
    expect(results.map((r) => [r.code, r.path.join(".")])).toEqual([
      ["ec-retry-after-429", "components.responses.Error"],
    ]);
    expect(run.code).toBe(1);
  });

  it("lints with error-contracts lint, using the project's .spectral.yaml", async () => {
    const project = path.join(dir, "project");
    const run = await runCommand(
      path.join(project, "node_modules", ".bin", "error-contracts"),
      ["lint", "openapi.yaml", "--format", "text"],
      project,
    );
    expect(run.stdout.trim()).toMatch(
      /^openapi\.yaml:29:5 error ec-retry-after-429 "A 429 response must declare the Retry-After header/,
    );
    expect(run.code).toBe(1);
  });
  describe("the clients", () => {
    const installed = () => path.join(dir, "project", "node_modules", "error-contracts");
    let mock: MockServer | undefined;
    afterAll(() => mock?.close());

    it("ships the compiled runtime and clients, the bundles and the catalog, and no tests", () => {
      for (const api of catalog.families.flatMap((family) => family.apis)) {
        for (const file of ["client.js", "client.d.ts", "errors.js", "types.d.ts"])
          expect(fs.existsSync(path.join(installed(), "dist", "generated", api, file)), `${api}/${file}`).toBe(true);
        expect(fs.existsSync(path.join(installed(), "generated", api, "openapi.yaml"))).toBe(true);
      }
      expect(fs.existsSync(path.join(installed(), "dist", "src", "runtime", "index.js"))).toBe(true);
      expect(fs.existsSync(path.join(installed(), "generated", "catalog.json"))).toBe(true);
      expect(fs.readdirSync(installed())).not.toContain("test");
      expect(
        fs.readdirSync(path.join(installed(), "dist", "src", "runtime")).filter((name) => name.includes(".test.")),
      ).toEqual([]);
    });

    it("compile: the type tests under tsc --strict, against error-contracts/<api>", async () => {
      const project = path.join(dir, "project");
      const source = fs
        .readFileSync(path.join(repoRoot, "test", "types", "consumer.ts"), "utf8")
        .replace(/"\.\.\/\.\.\/generated\/(\w+)\/client\.js"/g, '"error-contracts/$1"')
        .replace(/"\.\.\/\.\.\/src\/runtime\/index\.js"/g, '"error-contracts/runtime"');
      expect(source).not.toMatch(/\.\.\/\.\.\//);
      // An ES module (.mts) of a browser-or-Node consumer: the DOM's fetch types, no @types/node.
      fs.writeFileSync(path.join(project, "consumer.mts"), source);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
        skipLibCheck: true,
      };
      fs.writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({ compilerOptions, files: ["consumer.mts"] }),
      );
      const run = await runCommand(
        process.execPath,
        [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--noEmit", "--strict"],
        project,
      );
      expect(run.stdout + run.stderr).toBe("");
      expect(run.code).toBe(0);
    });

    it("call a client against Prism on the bundle the package ships", async () => {
      const family = catalog.families.find((f) => f.errors.some((e) => e.kind === "innerCode"))!;
      const api = family.apis[0]!;
      const error = family.errors.find((e) => e.kind === "innerCode")!;
      const op = operationWithExample(api, error.status, error.example)!;
      mock = await startMock(path.join(installed(), "generated", api, "openapi.yaml"), { port: 0 });
      const script = `
        import * as api from "error-contracts/${api}";
        const create = Object.values(api).find((value) => typeof value === "function" && /^create\\w+Client$/.test(value.name));
        const client = create({ baseUrl: process.env.MOCK, headers: { Authorization: "Bearer x" }, retries: 0 });
        const { error } = await client.${op.method.toUpperCase()}(${JSON.stringify(op.route)}, { ...${JSON.stringify(op.init)}, headers: { Prefer: ${JSON.stringify(`code=${error.status}, example=${error.example}`)} } });
        console.log(JSON.stringify({ isApiError: error instanceof api.ApiError, status: error.status, specificCode: error.specificCode, message: error.catalog?.message }));
      `;
      fs.writeFileSync(path.join(dir, "project", "call.mjs"), script);
      const run = await runCommand(process.execPath, ["call.mjs"], path.join(dir, "project"), { MOCK: mock.url });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        isApiError: true,
        status: error.status,
        specificCode: error.code,
        message: error.message,
      });
    });
  });
});

/**
 * The package as a consumer gets it: `npm pack` (whose prepack compiles the runtime and the
 * clients into dist/), `npm install` of the tarball in a temporary project (offline, from the
 * npm cache), the type tests compiled there under `tsc --strict` against the installed
 * package, and a client calling Prism on the bundle the package ships.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../scripts/mock/prism.js";
import { repoRoot, runCommand } from "./helpers/cli.js";
import { catalog, operationWithExample } from "./helpers/openapi.js";

const npm = (args: string[], cwd: string) => runCommand("npm", [...args, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd, { SCARF_ANALYTICS: "false" });
const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

let work: string;
let consumer: string;
let mock: MockServer | undefined;
beforeAll(async () => {
  work = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "consumer-"));
  consumer = path.join(work, "consumer");
  fs.mkdirSync(consumer);
  const pack = await npm(["pack", "--pack-destination", work, "--json"], repoRoot);
  expect(pack.code, pack.stderr).toBe(0);
  const { filename } = (JSON.parse(pack.stdout) as { filename: string }[])[0]!;
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const install = await npm(["install", path.join(work, filename), "--ignore-scripts"], consumer);
  expect(install.code, install.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await mock?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed in a consumer project", () => {
  it("ships the compiled runtime and clients, the bundles and the catalog, and no tests", () => {
    const installed = path.join(consumer, "node_modules", "error-contracts");
    const apis = catalog.families.flatMap((family) => family.apis);
    for (const api of apis) {
      for (const file of ["client.js", "client.d.ts", "errors.js", "types.d.ts"]) expect(fs.existsSync(path.join(installed, "dist", "generated", api, file)), `${api}/${file}`).toBe(true);
      expect(fs.existsSync(path.join(installed, "generated", api, "openapi.yaml"))).toBe(true);
    }
    expect(fs.existsSync(path.join(installed, "dist", "src", "runtime", "index.js"))).toBe(true);
    expect(fs.existsSync(path.join(installed, "generated", "catalog.json"))).toBe(true);
    expect(fs.readdirSync(installed)).not.toContain("test");
    expect(fs.readdirSync(path.join(installed, "dist", "src", "runtime")).filter((name) => name.includes(".test."))).toEqual([]);
  });

  it("compiles the type tests under tsc --strict against error-contracts/<api>", async () => {
    const source = fs
      .readFileSync(path.join(repoRoot, "test", "types", "consumer.ts"), "utf8")
      .replace(/"\.\.\/\.\.\/generated\/(\w+)\/client\.js"/g, '"error-contracts/$1"')
      .replace(/"\.\.\/\.\.\/src\/runtime\/index\.js"/g, '"error-contracts/runtime"');
    expect(source).not.toMatch(/\.\.\/\.\.\//);
    fs.writeFileSync(path.join(consumer, "consumer.ts"), source);
    // A browser-or-Node consumer: the DOM's fetch types, no @types/node.
    const compilerOptions = { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: true };
    fs.writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }));
    const run = await runCommand(process.execPath, [tsc, "-p", ".", "--noEmit", "--strict"], consumer);
    expect(run.stdout + run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("calls a client against Prism on the bundle it ships", async () => {
    const family = catalog.families.find((f) => f.errors.some((e) => e.kind === "innerCode"))!;
    const api = family.apis[0]!;
    const error = family.errors.find((e) => e.kind === "innerCode")!;
    const op = operationWithExample(api, error.status, error.example)!;
    mock = await startMock(path.join(consumer, "node_modules", "error-contracts", "generated", api, "openapi.yaml"), { port: 0 });
    const script = `
      import * as api from "error-contracts/${api}";
      const create = Object.values(api).find((value) => typeof value === "function" && /^create\\w+Client$/.test(value.name));
      const client = create({ baseUrl: process.env.MOCK, headers: { Authorization: "Bearer x" }, retries: 0 });
      const { error } = await client.${op.method.toUpperCase()}(${JSON.stringify(op.route)}, { ...${JSON.stringify(op.init)}, headers: { Prefer: ${JSON.stringify(`code=${error.status}, example=${error.example}`)} } });
      console.log(JSON.stringify({ isApiError: error instanceof api.ApiError, status: error.status, specificCode: error.specificCode, message: error.catalog?.message }));
    `;
    fs.writeFileSync(path.join(consumer, "call.mjs"), script);
    const run = await runCommand(process.execPath, ["call.mjs"], consumer, { MOCK: mock.url });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ isApiError: true, status: error.status, specificCode: error.code, message: error.message });
  });
});

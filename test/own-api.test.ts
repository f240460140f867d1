/**
 * "Use it for your own API", as a team would: `npm pack` the toolkit and its runtime, install the
 * tarballs into an empty project, then
 * - its own spec: the ruleset extended from the project's .spectral.yaml, `error-contracts lint`, and
 *   `error-contracts build`, whose client compiles in that project and calls a server on 127.0.0.1;
 * - `npx error-contracts init` for each error shape it offers, `npm run build`, and a consumer file
 *   importing the generated client (which imports the runtime by package name) compiled under
 *   `tsc --strict` and run against `npm run mock` (Prism): a success, and a documented error as a
 *   typed `ApiError` whose code and message are the catalog's.
 * One install serves every project (each links its node_modules to it). The install needs the
 * registry for whatever the npm cache lacks. (Over 250 lines as one job: one install, and what a
 * team's project must be able to do with it.)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, type Run } from "./helpers/cli.js";
import { compile, installedProject, itInstalls, npmEnv, pack } from "./helpers/packages.js";
import { startHttpServer, type TestServer } from "./helpers/servers.js";

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

/** `npm run mock` in a project: its URL once Prism listens, and a stop that ends its process group. */
async function startProjectMock(project: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn("npm", ["run", "--silent", "mock", "--", "--port", "0"], {
    cwd: project,
    env: { ...process.env, ...npmEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /on (http:\/\/127\.0\.0\.1:\d+) \(Prism\)/.exec(output);
        if (found) resolve(found[1]!);
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", (code) => reject(new Error(`npm run mock exited with ${code}: ${output}`)));
    });
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** A consumer of the generated client: a success and a documented error, typed; what it got, as JSON. */
const consumer = (code: string, status: number, example: string) => `
import { createPetsClient, isPetsError, petsErrors, type PetsErrorBody, type PetsErrorCode } from "./generated/pets/client.js";

// Compiled as a browser-or-Node consumer is (no @types/node): Node's process, declared.
declare const process: { env: Record<string, string | undefined> };
const client = createPetsClient({ baseUrl: process.env.MOCK, retries: 0 });
const params = { path: { thingId: "t-1" } };
const ok = await client.GET("/things/{thingId}", { params });
const id: string | undefined = ok.data?.id;
const failed = await client.GET("/things/{thingId}", { params, headers: { Prefer: "code=${status}, example=${example}" } });
if (!failed.error) throw new Error("no error");
const error = failed.error;
let body: PetsErrorBody | undefined;
// The status narrows the error: a documented one carries its schema's body.
if (error.status === ${status}) body = error.body;
const known: PetsErrorCode = ${JSON.stringify(code)};
const entry = petsErrors[known];
console.log(JSON.stringify({
  id: typeof id,
  okError: ok.error === undefined,
  isPetsError: isPetsError(error),
  status: error.status,
  code: error.specificCode,
  catalog: error.catalog?.message,
  listed: entry.message,
  retryable: error.retryable,
  body: body !== undefined,
}));
`;

describe("a project of a team's own, with the toolkit installed from its tarballs", () => {
  let dir: string;
  let tarballs = new Map<string, string>();
  let project: string;
  let install: Run;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "own-api-"));
    tarballs = await pack(dir, ["@error-contracts/runtime"], true);
    const files = {
      ".spectral.yaml": "extends:\n  - ./node_modules/error-contracts/spectral/ruleset.yaml\n",
      "openapi.yaml": flaggedSpec,
      "openapi/orders/openapi.yaml": ordersSpec,
    };
    // The runtime beside the toolkit: the toolkit depends on it, and it is not on the registry.
    const wanted = ["error-contracts", "@error-contracts/runtime"].map((name) => tarballs.get(name)!);
    ({ project, install } = await installedProject(dir, "toolkit", files, wanted));
  }, 600_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  itInstalls(() => install);

  describe("its own spec", () => {
    let server: TestServer | undefined;
    const bin = (name: string) => path.join(project, "node_modules", ".bin", name);
    afterAll(() => server?.close());

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

  describe.each(["problem", "envelope", "flat"])("npx error-contracts init --style %s", (style) => {
    let own: string;
    let mock: { url: string; stop: () => void } | undefined;
    beforeAll(() => {
      own = path.join(dir, `pets-${style}`);
      fs.mkdirSync(own);
      fs.symlinkSync(path.join(project, "node_modules"), path.join(own, "node_modules"));
    });
    afterAll(() => mock?.stop());

    it("scaffolds, builds, and a consumer compiles and gets a success and a documented error from the mock", async () => {
      const flags = [
        "--api",
        "pets",
        "--style",
        style,
        "--code",
        "PET_GONE",
        "--status",
        "410",
        "--message",
        "The pet is gone.",
      ];
      const init = await runCommand("npx", ["--no-install", "error-contracts", "init", ...flags], own, npmEnv);
      expect(init.stderr).toBe("");
      expect(init.code).toBe(0);
      const build = await runCommand("npm", ["run", "--silent", "build", "--", "--no-docs"], own, npmEnv);
      expect(build.stderr).toBe("");
      expect(build.stdout).toContain("lint     .spectral.yaml: 0 errors, 0 warnings");
      expect(build.code).toBe(0);
      fs.writeFileSync(path.join(own, "consumer.ts"), consumer("PET_GONE", 410, "PetsPetGone"));
      const compiled = await compile(own, "consumer.ts", "out");
      expect(compiled.stdout + compiled.stderr).toBe("");
      expect(compiled.code).toBe(0);
      mock = await startProjectMock(own);
      const run = await runCommand(process.execPath, ["out/consumer.js"], own, { MOCK: mock.url });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        id: "string",
        okError: true,
        isPetsError: true,
        status: 410,
        code: "PET_GONE",
        catalog: "The pet is gone.",
        listed: "The pet is gone.",
        retryable: false,
        body: true,
      });
    }, 300_000);
  });
});

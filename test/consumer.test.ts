/**
 * A team's own project installs this package from `npm pack`, extends the ruleset from its
 * .spectral.yaml, and lints a spec of its own, with Spectral's CLI and with ours.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCommand } from "./helpers/cli.js";

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
    const pack = await runCommand("npm", ["pack", "--pack-destination", dir, "--silent"], repoRoot, { SCARF_ANALYTICS: "false" });
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = path.join(dir, pack.stdout.trim().split("\n").pop()!);
    const project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    fs.writeFileSync(path.join(project, ".spectral.yaml"), "extends:\n  - ./node_modules/error-contracts/spectral/ruleset.yaml\n");
    fs.writeFileSync(path.join(project, "openapi.yaml"), spec);
    install = await runCommand("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], project, { SCARF_ANALYTICS: "false" });
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("installs", () => {
    expect(install.stderr).not.toMatch(/npm error/);
    expect(install.code).toBe(0);
  });

  it("extends the ruleset from its own .spectral.yaml and lints with Spectral's CLI", async () => {
    const project = path.join(dir, "project");
    const run = await runCommand(path.join(project, "node_modules", ".bin", "spectral"), ["lint", "openapi.yaml", "-f", "json", "-q"], project);
    const results = JSON.parse(run.stdout) as { code: string; path: string[] }[];
    expect(results.map((r) => [r.code, r.path.join(".")])).toEqual([["ec-retry-after-429", "components.responses.Error"]]);
    expect(run.code).toBe(1);
  });

  it("lints with error-contracts lint, using the project's .spectral.yaml", async () => {
    const project = path.join(dir, "project");
    const run = await runCommand(path.join(project, "node_modules", ".bin", "error-contracts"), ["lint", "openapi.yaml", "--format", "text"], project);
    expect(run.stdout.trim()).toMatch(/^openapi\.yaml:29:5 error ec-retry-after-429 "A 429 response must declare the Retry-After header/);
    expect(run.code).toBe(1);
  });
});

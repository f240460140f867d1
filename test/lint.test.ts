// biome-ignore-all lint/style/noExcessiveLinesPerFile: lint's command line, its cases sharing the specs and the server that serves them
/** `error-contracts lint` on specs that are not this repo's: formats, exit codes, bad input. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleApi, loadRedoclyConfig } from "../scripts/core/bundle.js";
import { componentsOf, lintBundle, loadLinter } from "../scripts/core/spectral.js";
import { toYaml } from "../scripts/core/yaml.js";
import { repoRoot, runCli } from "./helpers/cli.js";
import { runInProcess } from "./helpers/in-process.js";
import { scratchDir } from "./helpers/scratch.js";

const fixtures = "test/fixtures/lint";
const multiFile = `${fixtures}/multi-file/openapi.yaml`;

describe("error-contracts lint on a multi-file spec with a recursive innerError in its own file", () => {
  it("bundles it, lints it, and reports each result at its own source file and line", async () => {
    const run = await runCli(["lint", multiFile, "--format", "json"]); // the real process, once
    expect(run.stderr.split("\n")[0]).toMatch(/^rule +errors +warnings$/); // the summary alone
    const results = JSON.parse(run.stdout) as {
      code: string;
      source: string;
      range: { start: { line: number } };
      path: string[];
    }[];
    expect(results.map((r) => [r.code, r.source, r.range.start.line + 1])).toEqual([
      ["ec-retry-after-429", `${fixtures}/multi-file/openapi.yaml`, 22],
      ["ec-error-schema-shape", `${fixtures}/multi-file/schemas/ErrorResponse.yaml`, 12],
    ]);
    expect(run.code).toBe(1);
  });
});

describe("output formats (Spectral's formatters)", () => {
  const cases: { format: string; want: RegExp }[] = [
    {
      format: "stylish",
      want: /^ *22:9 +error +ec-retry-after-429 +A 429 response must declare the Retry-After header/m,
    },
    {
      format: "github-actions",
      want: /^::error title=ec-retry-after-429,file=test\/fixtures\/lint\/multi-file\/openapi\.yaml,col=9,endColumn=9,line=22,endLine=22::A 429 response/m,
    },
    {
      format: "junit",
      want: /<testcase [^>]*name="org\.spectral\.ec-retry-after-429\(#\/paths\/~1things\/get\/responses\/429\)"/,
    },
    { format: "text", want: /openapi\.yaml:22:9 error ec-retry-after-429 "A 429 response/ },
  ];
  it.each(cases)("$format", async ({ format, want }) => {
    const run = await runInProcess(["lint", multiFile, "--format", format]);
    expect(run.stdout).toMatch(want);
    expect(run.code).toBe(1);
  });
  it("sarif", async () => {
    const run = await runInProcess(["lint", multiFile, "--format", "sarif"]);
    const sarif = JSON.parse(run.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0]!.results.map((r) => [
      r.ruleId,
      r.locations[0]!.physicalLocation.artifactLocation.uri,
      r.locations[0]!.physicalLocation.region.startLine,
    ]);
    expect(results).toContainEqual(["ec-retry-after-429", "test/fixtures/lint/multi-file/openapi.yaml", 22]);
    expect(run.code).toBe(1);
  });
});

describe("exit codes follow --fail-severity", () => {
  const warnOnly = `${fixtures}/warnings-only.yaml`;
  it.each([
    { args: [], code: 0 },
    { args: ["--fail-severity", "warn"], code: 1 },
    { args: ["--fail-severity", "error", "--ruleset", "spectral/ruleset.yaml"], code: 0 },
  ])("$args → $code", async ({ args, code }) => {
    const run = await runInProcess(["lint", warnOnly, ...args]);
    expect(run.stdout).toMatch(/ec-retry-after-503/);
    expect(run.code).toBe(code);
  });
  it("this repo's four APIs: no result at all, even at hint (0 errors, 0 warnings)", async () => {
    const apis = ["messaging", "partner", "referrals", "sales"].map((api) => `openapi/${api}/openapi.yaml`);
    const run = await runInProcess(["lint", ...apis, "--fail-severity", "hint", "--format", "json"]);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe("bad input: one line, exit 2, no stack trace", () => {
  let server: http.Server;
  let requests = 0;
  let remoteSpec: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++;
      res.end("type: object\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "remote-ref-"));
    remoteSpec = path.join(dir, "remote-ref.yaml");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Error.yaml`;
    fs.writeFileSync(
      remoteSpec,
      fs.readFileSync(path.join(repoRoot, fixtures, "remote-ref.yaml"), "utf8").replace("REMOTE_URL", url),
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(path.dirname(remoteSpec), { recursive: true, force: true });
  });

  const cases: { name: string; file: string; want: RegExp }[] = [
    {
      name: "an empty file",
      file: `${fixtures}/empty.yaml`,
      want: /^error-contracts: test\/fixtures\/lint\/empty\.yaml: empty file: not an OpenAPI description$/,
    },
    {
      name: "YAML that is not OpenAPI",
      file: `${fixtures}/not-openapi.yaml`,
      want: /^error-contracts: test\/fixtures\/lint\/not-openapi\.yaml: not an OpenAPI 3\.x description \(no "openapi: 3\.x" field\)$/,
    },
    {
      name: "a YAML syntax error",
      file: `${fixtures}/bad-syntax.yaml`,
      want: /^error-contracts: test\/fixtures\/lint\/bad-syntax\.yaml:3:1: not valid YAML or JSON: /,
    },
    {
      name: "OpenAPI 2.0",
      file: `${fixtures}/swagger.yaml`,
      want: /^error-contracts: test\/fixtures\/lint\/swagger\.yaml: OpenAPI 2\.0 \(swagger\) is not supported/,
    },
    {
      name: "a file that does not exist",
      file: `${fixtures}/nothing.yaml`,
      want: /^error-contracts: test\/fixtures\/lint\/nothing\.yaml: no such file$/,
    },
  ];
  it.each(cases)("$name", async ({ file, want }) => {
    const run = await runInProcess(["lint", file]);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(want);
    expect(run.code).toBe(2);
  });

  it("a remote $ref: reported with its file and line, never fetched", async () => {
    const run = await runInProcess(["lint", remoteSpec]);
    expect(run.stderr).toMatch(
      /^.*remote-ref\.yaml:13:17 error bundle: remote \$ref not fetched: http:\/\/127\.0\.0\.1:\d+\/Error\.yaml$/m,
    );
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(
      /^error-contracts: lint stopped: 1 error in .*remote-ref\.yaml before linting$/,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(requests).toBe(0);
    expect(run.code).toBe(2);
  });
});

/**
 * Error bodies served as XML (4 errors of ec-error-media-type), a 429 without Retry-After (1 error)
 * and two 503s without it (2 warnings), by spectral/ruleset.yaml.
 */
const xml = "content: {application/xml: {schema: {$ref: '#/components/schemas/Error'}}}";
const fiveErrorsTwoWarnings = `openapi: 3.1.0
info: {title: Totals, version: 1.0.0}
paths:
  /things:
    get:
      responses:
        '200': {description: The things.}
        '429': {description: Too many., ${xml}}
        '503': {description: Unavailable., ${xml}}
  /others:
    get:
      responses:
        '200': {description: The others.}
        '400': {description: Bad., ${xml}}
        '503': {description: Unavailable., ${xml}}
components:
  schemas:
    Error: {type: object, properties: {code: {type: string}}}
`;

describe("totals count what stops the command, apart from warnings", () => {
  const scratch = scratchDir("lint-totals");
  const root = scratch.write("spec/totals/openapi.yaml", fiveErrorsTwoWarnings);
  const ruleset = "spectral/ruleset.yaml";

  it("build: 'build failed: 5 errors (2 warnings)', every problem listed above it", async () => {
    const out = path.join(scratch.dir, "generated");
    const run = await runInProcess(["build", path.dirname(path.dirname(root)), "--out", out, "--ruleset", ruleset]);
    const lines = run.stderr.trim().split("\n");
    expect(lines.filter((line) => / error ec-[\w-]+: /.test(line))).toHaveLength(5);
    expect(lines.filter((line) => / warning ec-retry-after-503: /.test(line))).toHaveLength(2);
    expect(lines.at(-1)).toBe("error-contracts: build failed: 5 errors (2 warnings); generated output left as it was");
    expect(fs.existsSync(out)).toBe(false);
    expect(run.code).toBe(1);
  });

  it("lint: after the findings, one row per rule (errors, warnings), most first, and the totals", async () => {
    const run = await runInProcess(["lint", root, "--ruleset", ruleset, "--format", "text"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(0, 7).every((line) => / (error|warning) ec-[\w-]+ "/.test(line))).toBe(true);
    expect(lines.slice(7).map((line) => line.split(/\s{2,}/))).toEqual([
      ["rule", "errors", "warnings"],
      ["ec-error-media-type", "4", "0"],
      ["ec-retry-after-503", "0", "2"],
      ["ec-retry-after-429", "1", "0"],
      ["total (3 rules)", "5", "2"],
    ]);
    expect(run.code).toBe(1);
  });

  it("lint --format json: the summary goes to stderr, stdout stays JSON", async () => {
    const run = await runInProcess(["lint", root, "--ruleset", ruleset, "--format", "json"]);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(7);
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^total \(3 rules\) +5 +2$/);
  });

  it("lint with nothing found says so in one line, and no summary (on stderr with a machine format)", async () => {
    const files = ["openapi/sales/openapi.yaml", "openapi/messaging/openapi.yaml"];
    const run = await runInProcess(["lint", ...files, "--format", "text"]);
    expect(run).toMatchObject({ code: 0, stdout: "no results in 2 files (ruleset .spectral.yaml)\n", stderr: "" });
    const json = await runInProcess(["lint", files[0]!, "--format", "json", "--ruleset", ruleset]);
    expect(json).toMatchObject({ code: 0, stderr: "no results in 1 file (ruleset spectral/ruleset.yaml)\n" });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});

describe("the same findings as before Spectral got the parsed document", () => {
  /**
   * How `lint` worked until then, kept as the reference: bundle with Redocly, write the bundle as
   * YAML, let Spectral parse that, place each result with `sourceLocation` (the `yaml` package).
   */
  async function before(files: string[]): Promise<string[]> {
    const linter = await loadLinter(path.join(repoRoot, ".spectral.yaml"));
    const config = await loadRedoclyConfig(path.join(repoRoot, "redocly.yaml"));
    const findings: string[] = [];
    for (const file of files) {
      const root = path.resolve(repoRoot, file);
      const { api } = await bundleApi({ id: path.basename(file), root }, config);
      const results = await lintBundle(linter, toYaml(api!.doc), root, root, componentsOf(api!.files));
      findings.push(...results.map(finding));
    }
    return findings.sort();
  }
  const finding = (r: {
    code: string | number;
    severity: number;
    source?: string;
    range: Range;
    path: Path;
    message: string;
  }) =>
    `${path.relative(repoRoot, path.resolve(repoRoot, r.source ?? ""))}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.severity} ${r.code} ${r.path.join(".")} ${r.message}`;
  type Range = { start: { line: number; character: number } };
  type Path = (string | number)[];

  const list = (dir: string) =>
    fs
      .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => `${dir}/${name}`);
  const files = [
    ...["messaging", "partner", "referrals", "sales"].map((api) => `openapi/${api}/openapi.yaml`),
    ...list("spectral/fixtures"),
    `${fixtures}/warnings-only.yaml`,
    multiFile,
  ].sort();

  it("on this repo's specs and every lint fixture: same rules, paths, messages, files, lines and columns", async () => {
    const run = await runInProcess(["lint", ...files, "--format", "json", "--fail-severity", "hint"]);
    const after = (JSON.parse(run.stdout) as Parameters<typeof finding>[0][]).map(finding).sort();
    expect(files.length).toBeGreaterThan(30);
    expect(after.length).toBeGreaterThan(100);
    expect(after).toEqual(await before(files));
  });
});

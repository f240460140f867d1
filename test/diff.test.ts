// biome-ignore-all lint/style/noExcessiveLinesPerFile: diff's and review's command lines on real files and git checkouts, a describe per setup
/** `error-contracts diff` and `review` on real files and a real git checkout. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySpec, repoRoot, runCli, runCommand } from "./helpers/cli.js";

const git = (cwd: string, ...args: string[]) =>
  runCommand("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], cwd);

describe("diff --base and review in a git checkout", () => {
  let work: ReturnType<typeof copySpec>;
  beforeAll(async () => {
    work = copySpec("diff");
    await git(work.dir, "init", "-q");
    await git(work.dir, "add", "-A");
    expect((await git(work.dir, "commit", "-q", "-m", "base")).code).toBe(0);
  });
  afterAll(() => fs.rmSync(work.dir, { recursive: true, force: true }));

  it("each of the four APIs against itself at HEAD: no findings, exit 0", async () => {
    const run = await runCli(["diff", "--base", "HEAD", "--format", "json"], work.dir);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { apis: { api: string; findings: unknown[] }[] };
    expect(report.apis).toEqual(["messaging", "partner", "referrals", "sales"].map((api) => ({ api, findings: [] })));
    expect(run.code).toBe(0);
  });

  describe("after removing one error response and adding one lint defect", () => {
    beforeAll(() => {
      const root = path.join(work.spec, "messaging", "openapi.yaml");
      const text = fs.readFileSync(root, "utf8");
      const removed = text.replace(
        "        '503':\n          $ref: ../components/responses/messaging/Messaging503.yaml\n",
        "",
      );
      expect(removed).not.toBe(text);
      fs.writeFileSync(root, removed);
      const pageSize = path.join(work.spec, "components", "parameters", "messaging", "ConversationPageSize.yaml");
      fs.writeFileSync(
        pageSize,
        fs.readFileSync(pageSize, "utf8").replace("x-error-code: 30007", "x-error-code: 30013"),
      );
    });

    it("diff: one breaking finding, exit 1", async () => {
      const run = await runCli(["diff", "--base", "HEAD", "--format", "json"], work.dir);
      const report = JSON.parse(run.stdout) as {
        apis: { api: string; findings: { rule: string; level: string; location: string }[] }[];
      };
      expect(
        report.apis.flatMap((a) =>
          a.findings.map(({ rule, level, location }) => ({ api: a.api, rule, level, location })),
        ),
      ).toEqual([
        {
          api: "messaging",
          rule: "response-removed",
          level: "breaking",
          location: "GET /organizations/{orgId}/channels/{channelId}/conversations 503",
        },
      ]);
      expect(run.code).toBe(1);
    });

    it("review: exactly the removed response and the new lint defect", async () => {
      const run = await runCli(["review", "--base", "HEAD"], work.dir);
      expect(run.stderr).toBe("");
      const rows = run.stdout.split("\n").filter((line) => /^\| (messaging|partner|referrals|sales) \|/.test(line));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(
        /^\| messaging \| `response-removed` \| GET \/organizations\/\{orgId\}\/channels\/\{channelId\}\/conversations 503 \|/,
      );
      expect(rows[1]).toMatch(
        /^\| messaging \| error \| `ec-limit-code` \| openapi\/components\/parameters\/messaging\/ConversationPageSize\.yaml:\d+ \| x-error-code 30013 has status 404/,
      );
      expect(run.stdout).toMatch(/^\*\*1 breaking, 0 warning, 0 info\*\* across 1 API\(s\)\.$/m);
      expect(run.code).toBe(1);
    });
  });
});

describe("diff --base and review on a spec that is one JSON file, not in an openapi/ layout", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "diff-one-file-"));
    const bundle = parse(fs.readFileSync(path.join(repoRoot, "generated", "messaging", "openapi.yaml"), "utf8"));
    fs.mkdirSync(path.join(dir, "spec"));
    fs.writeFileSync(path.join(dir, "spec", "api.json"), `${JSON.stringify(bundle, null, 2)}\n`);
    await git(dir, "init", "-q");
    await git(dir, "add", "-A");
    expect((await git(dir, "commit", "-q", "-m", "base")).code).toBe(0);
    const route = bundle.paths["/organizations/{orgId}/channels/{channelId}/conversations"].get.responses;
    delete route["503"];
    fs.writeFileSync(path.join(dir, "spec", "api.json"), `${JSON.stringify(bundle, null, 2)}\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("diff: the removed response, named as the build names the file's API", async () => {
    const run = await runCli(["diff", "--base", "HEAD", "spec/api.json", "--format", "json"], dir);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as {
      apis: { api: string; findings: { rule: string; location: string }[] }[];
    };
    expect(report.apis.map(({ api, findings }) => ({ api, rules: findings.map((f) => f.rule) }))).toEqual([
      { api: "omnichannel-messaging-api", rules: ["response-removed"] },
    ]);
    expect(run.code).toBe(1);
  });

  it("review: the removed response", async () => {
    const run = await runCli(["review", "--base", "HEAD", "spec/api.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^\| omnichannel-messaging-api \| `response-removed` \| GET /m);
    expect(run.code).toBe(1);
  });

  it("a spec that does not exist: one line saying so, exit 2", async () => {
    const run = await runCli(["diff", "--base", "HEAD", "spec/nothing"], dir);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "error-contracts: spec/nothing: no such file or folder\n",
    });
  });
});

describe("diff: bad input is one line and exit 2", () => {
  const cases: { name: string; args: string[]; want: RegExp }[] = [
    {
      name: "two files of different APIs",
      args: ["diff", "openapi/sales/openapi.yaml", "openapi/messaging/openapi.yaml"],
      want: /^error-contracts: openapi\/sales\/openapi\.yaml and openapi\/messaging\/openapi\.yaml describe different APIs/,
    },
    {
      name: "a base ref that does not exist",
      args: ["diff", "--base", "no-such-ref-anywhere"],
      want: /^error-contracts: base ref "no-such-ref-anywhere" does not exist in /,
    },
    {
      name: "an unparsable file",
      args: ["diff", "test/fixtures/lint/bad-syntax.yaml", "openapi/sales/openapi.yaml"],
      want: /^test\/fixtures\/lint\/bad-syntax\.yaml:3:1 error bundle: Failed to parse: deficient indentation\nerror-contracts: stopped: 1 error in test\/fixtures\/lint\/bad-syntax\.yaml\n$/,
    },
    {
      name: "a missing file",
      args: ["diff", "openapi/sales/nothing.yaml", "openapi/sales/openapi.yaml"],
      want: /^error-contracts: openapi\/sales\/nothing\.yaml: no such file\n$/,
    },
  ];
  it.concurrent.each(cases)("$name", async ({ args, want }) => {
    const run = await runCli(args);
    expect(run.stderr).toMatch(want);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  });
});

describe("diff places each finding in the files a person edits", () => {
  let work: ReturnType<typeof copySpec>;
  const root = () => path.join(work.spec, "messaging", "openapi.yaml");
  const problem = () => path.join(work.spec, "components", "schemas", "messaging", "MessagingProblem.yaml");
  const lineOf = (file: string, line: number) => fs.readFileSync(file, "utf8").split("\n")[line - 1]?.trim();
  let baseRoot = "";
  let baseProblem = "";
  beforeAll(async () => {
    work = copySpec("diff-places");
    await git(work.dir, "init", "-q");
    await git(work.dir, "add", "-A");
    expect((await git(work.dir, "commit", "-q", "-m", "base")).code).toBe(0);
    [baseRoot, baseProblem] = [fs.readFileSync(root(), "utf8"), fs.readFileSync(problem(), "utf8")];
    const removed = baseRoot.replace(
      "        '503':\n          $ref: ../components/responses/messaging/Messaging503.yaml\n",
      "",
    );
    const nullable = baseProblem.replace("  detail:\n    type: string\n", "  detail:\n    type: [string, 'null']\n");
    expect([removed, nullable]).not.toEqual([baseRoot, baseProblem]);
    fs.writeFileSync(root(), removed);
    fs.writeFileSync(problem(), nullable);
  });
  afterAll(() => fs.rmSync(work.dir, { recursive: true, force: true }));

  interface Place {
    file: string;
    line: number;
    pointer: string;
  }
  const json = async () => {
    const run = await runCli(["diff", "--base", "HEAD", "--format", "json"], work.dir);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as {
      apis: { api: string; findings: { rule: string; location: string; base: Place; head: Place }[] }[];
    };
    return report.apis.flatMap((a) => a.findings);
  };

  it("--format json: base and head as file, line and pointer, in the root and in a component's own file", async () => {
    const findings = await json();
    expect(findings.map((f) => [f.rule, f.location])).toEqual([
      ["response-removed", "GET /organizations/{orgId}/channels/{channelId}/conversations 503"],
      ["body-nullable-added", "schema MessagingProblem: detail"],
    ]);
    const [removed, nullable] = findings as [(typeof findings)[0], (typeof findings)[0]];
    expect(removed.base.file).toBe("openapi/messaging/openapi.yaml");
    expect(removed.base.pointer).toBe(
      "/paths/~1organizations~1{orgId}~1channels~1{channelId}~1conversations/get/responses/503",
    );
    expect(baseRoot.split("\n")[removed.base.line - 1]?.trim()).toBe("'503':");
    // Removed: the head place is the responses object it was removed from.
    expect(removed.head.file).toBe("openapi/messaging/openapi.yaml");
    expect(removed.head.pointer).toBe(
      "/paths/~1organizations~1{orgId}~1channels~1{channelId}~1conversations/get/responses",
    );
    expect(lineOf(root(), removed.head.line)).toBe("responses:");
    for (const place of [nullable.base, nullable.head]) {
      expect(place.file).toBe("openapi/components/schemas/messaging/MessagingProblem.yaml");
      expect(place.pointer).toBe("/properties/detail");
    }
    expect(baseProblem.split("\n")[nullable.base.line - 1]?.trim()).toBe("detail:");
    expect(lineOf(problem(), nullable.head.line)).toBe("detail:");
  });

  it("--format github-actions: one annotation per finding at the head file's line", async () => {
    const [removed, nullable] = (await json()) as { head: Place }[];
    const run = await runCli(["diff", "--base", "HEAD", "--format", "github-actions"], work.dir);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      `::error file=openapi/messaging/openapi.yaml,line=${removed!.head.line},title=response-removed (messaging)::GET /organizations/{orgId}/channels/{channelId}/conversations 503: no longer declared.`,
      `::error file=openapi/components/schemas/messaging/MessagingProblem.yaml,line=${nullable!.head.line},title=body-nullable-added (messaging)::schema MessagingProblem: detail: may now be null (string|null instead of string).`,
    ]);
    expect(run.code).toBe(1);
  });

  it("--format sarif: SARIF 2.1.0 with the diff rules, each result at the head file's line", async () => {
    const [, nullable] = (await json()) as { head: Place }[];
    const run = await runCli(["diff", "--base", "HEAD", "--format", "sarif"], work.dir);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain("body-nullable-added");
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["response-removed", "error"],
      ["body-nullable-added", "error"],
    ]);
    expect(sarif.runs[0]!.results[1]!.locations[0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: "openapi/components/schemas/messaging/MessagingProblem.yaml" },
      region: { startLine: nullable!.head.line },
    });
    expect(run.code).toBe(1);
  });
});

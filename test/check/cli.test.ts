/**
 * `error-contracts check` as a process: exit 0 on a conforming server, 1 with findings (each with
 * a curl line that reproduces it), 2 for an unreachable server or a file that is not a bundle
 * (one line, no stack trace); JSON in the issue's format.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bin, repoRoot, runCli } from "../helpers/cli.js";
import type { TestServer } from "../helpers/servers.js";
import { FULL_TOKEN, LOW_TOKEN, startReference } from "../helpers/reference.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const args = (url: string) => ["check", "partner", "--base-url", url, "--token", FULL_TOKEN, "--token-low", LOW_TOKEN];

describe("error-contracts check", () => {
  it("exits 0 on a conforming server and prints the coverage table", async () => {
    server = await startReference("partner");
    const run = await runCli(args(server.url));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^check {4}.*partner\/openapi\.yaml against http:\/\/127\.0\.0\.1:\d+: \d+ requests, 0 errors, 0 warnings/,
    );
    expect(run.stdout).toMatch(/GET \/customers\/\{customerId\} +404 +— +triggered-valid/);
  });

  it("exits 1 with each finding and a curl line that reproduces it; JSON carries the same", async () => {
    server = await startReference("partner", { defects: ["html-404"] });
    const text = await runCli(args(server.url));
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "error    content-type  GET /customers/{customerId}  404: Content-Type `text/html; charset=utf-8`",
    );
    expect(text.stdout).toMatch(
      /\n {9}curl -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/customers\/[^']+' -H 'authorization: Bearer reference-token'\n/,
    );
    const json = await runCli([...args(server.url), "--format", "json"]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { findings: Record<string, unknown>[]; coverage: unknown[] };
    expect(parsed.findings[0]).toMatchObject({
      rule: "content-type",
      level: "error",
      operation: "GET /customers/{customerId}",
      status: 404,
    });
    expect(Object.keys(parsed.findings[0]!).sort()).toEqual([
      "evidence",
      "level",
      "message",
      "operation",
      "request",
      "rule",
      "status",
    ]);
    expect(parsed.coverage.length).toBeGreaterThan(0);
    const only = await runCli([...args(server.url), "--only", "header-missing"]);
    expect(only.code).toBe(0);
  });

  it("a warning alone exits 0, and 1 with --fail-on warning", async () => {
    server = await startReference("partner", { defects: ["stack-trace-leak"] });
    const writes = [...args(server.url), "--allow-writes"];
    const plain = await runCli(writes);
    expect(plain.stdout).toContain("warning  error-leak  DELETE /customers/{customerId}  400");
    expect(plain.code).toBe(0);
    expect((await runCli([...writes, "--fail-on", "warning"])).code).toBe(1);
  });

  it("writes SARIF at the source file and line of the broken response, JUnit and Markdown", async () => {
    server = await startReference("partner", { defects: ["html-404"] });
    const sarif = await runCli([...args(server.url), "--format", "sarif"]);
    expect(sarif.code).toBe(1);
    type Result = {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    };
    const results = (JSON.parse(sarif.stdout) as { runs: { results: Result[] }[] }).runs[0]!.results;
    // The GETs' 404s; a DELETE of an unknown id is a write, not sent without --allow-writes.
    expect(results).toHaveLength(2);
    const lines = fs.readFileSync("openapi/components/responses/partner/Partner404.yaml", "utf8").split("\n");
    for (const result of results) {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe("openapi/components/responses/partner/Partner404.yaml");
      expect(lines[region.startLine - 1]).toBe("content:");
    }
    const junit = await runCli([...args(server.url), "--format", "junit"]);
    expect(junit.stdout).toMatch(/<testsuite name="error-contracts check" tests="\d+" failures="2" skipped="\d+">/);
    expect(junit.stdout).toContain(
      '<testcase classname="GET /customers/{customerId}" name="404"><failure type="content-type"',
    );
    const markdown = await runCli([...args(server.url), "--format", "markdown"]);
    expect(markdown.stdout).toContain("| error | `content-type` | `GET /customers/{customerId}` | 404 |");
  });

  it("exits 2 in one line for an unreachable server, a file that is not a bundle, and bad options", async () => {
    server = await startReference("partner");
    const url = server.url;
    await server.close();
    server = undefined;
    const down = await runCli(args(url));
    expect(down.code).toBe(2);
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
    expect(down.stderr).toMatch(
      /^error-contracts: the server did not answer: GET http:\/\/127\.0\.0\.1:\d+\/customers: ECONNREFUSED/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-"));
    const bad = path.join(dir, "broken.yaml");
    fs.writeFileSync(bad, "openapi: 3.1.0\npaths: {\n");
    const broken = await runCli(["check", bad, "--base-url", url]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+ error check: not valid YAML or JSON/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    fs.rmSync(dir, { recursive: true });
    const usage = await runCli(["check", "partner", "--base-url", "ftp://x"]);
    expect(usage).toMatchObject({ code: 2, stderr: "error-contracts: --base-url must be http or https, not ftp:\n" });
    const param = await runCli(["check", "partner", "--base-url", url, "--param", "customerid=c-1"]);
    expect(param).toMatchObject({
      code: 2,
      stderr: "error-contracts: --param customerid: no path parameter of that name (customerId)\n",
    });
  });
});

describe("error-contracts proxy", () => {
  it("prints a finding as it passes; on SIGINT the summary, exit 1", async () => {
    server = await startReference("partner", { defects: ["html-404"] });
    const child = spawn(process.execPath, [bin, "proxy", "partner", "--target", server.url, "--port", "0"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /: (http:\/\/127\.0\.0\.1:\d+) → /.exec(stderr);
          if (found) resolve(found[1]!);
        });
        child.once("exit", (code) => reject(new Error(`proxy exited with ${code}: ${stderr}`)));
      });
      const answer = await fetch(`${url}/customers/nobody`, { headers: { authorization: `Bearer ${FULL_TOKEN}` } });
      expect(answer.status).toBe(404);
      expect(await answer.text()).toBe("<!doctype html><title>404 Not Found</title><h1>Not Found</h1>");
      await expect.poll(() => stderr).toContain("error    content-type  GET /customers/{customerId}  404");
      // Traffic for no operation of the contract: said as it passes, and counted.
      await fetch(`${url}/nothing/here`);
      await expect
        .poll(() => stderr)
        .toMatch(/^unmatched GET \/nothing\/here {2}\d{3}: no operation of the contract$/m);
      child.kill("SIGINT");
      expect(await exited).toBe(1);
      expect(stdout).toMatch(
        /^check {4}traffic through http:\/\/127\.0\.0\.1:\d+ to http:\/\/127\.0\.0\.1:\d+ \(1 for no operation of it\): 2 requests, 1 error/,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });
});

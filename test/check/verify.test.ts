/**
 * `verify` on the HAR a `check` run recorded gives that run's findings; on a recording without the
 * triggers (as a proxy would write it), the findings that do not depend on why a request was sent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/in-process.js";
import { FULL_TOKEN, LOW_TOKEN, startReference } from "../helpers/reference.js";
import type { TestServer } from "../helpers/servers.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-"));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;

/** Runs check with --har, then verify on the HAR; both as JSON. */
async function checkThenVerify(api: string, url: string, extra: string[]) {
  const har = path.join(dir, `${api}-${Math.random().toString(16).slice(2)}.har`);
  const base = ["--token", FULL_TOKEN, "--allow-writes", "--format", "json", ...extra];
  const live = await runInProcess(["check", api, "--base-url", url, ...base, "--har", har]);
  const recorded = await runInProcess(["verify", api, har, "--format", "json"]);
  return { live, recorded, har };
}

describe("verify", () => {
  it("gives a run's findings from its HAR (partner, auth ignored: triggers recorded with the requests)", async () => {
    server = await startReference("partner", { defects: ["auth-ignored"] });
    const { live, recorded } = await checkThenVerify("partner", server.url, ["--token-low", LOW_TOKEN]);
    expect(live.code).toBe(1);
    expect(findingsOf(live.stdout).length).toBeGreaterThan(0);
    expect(recorded.code).toBe(1);
    expect(findingsOf(recorded.stdout)).toEqual(findingsOf(live.stdout));
  });

  it("gives a run's findings from its HAR (messaging, problem status lies), and from NDJSON", async () => {
    const messaging = await startReference("messaging", { defects: ["problem-status-lies"] });
    server = messaging;
    const params = Object.entries(messaging.pathValues).flatMap(([name, value]) => ["--param", `${name}=${value}`]);
    const { live, recorded, har } = await checkThenVerify("messaging", server.url, params);
    expect(findingsOf(recorded.stdout)).toEqual(findingsOf(live.stdout));
    type Entry = {
      request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { text: string } };
      response: { status: number; headers: { name: string; value: string }[]; content: { text: string } };
    };
    const entries = (JSON.parse(fs.readFileSync(har, "utf8")) as { log: { entries: Entry[] } }).log.entries;
    const record = (list: { name: string; value: string }[]) => Object.fromEntries(list.map((h) => [h.name, h.value]));
    const ndjson = path.join(dir, "traffic.ndjson");
    fs.writeFileSync(
      ndjson,
      entries
        .map((e) =>
          JSON.stringify({
            request: {
              method: e.request.method,
              url: e.request.url,
              headers: record(e.request.headers),
              body: e.request.postData?.text,
            },
            response: { status: e.response.status, headers: record(e.response.headers), body: e.response.content.text },
          }),
        )
        .join("\n"),
    );
    const lines = await runInProcess(["verify", "messaging", ndjson, "--format", "json"]);
    expect(findingsOf(lines.stdout)).toEqual(findingsOf(live.stdout));
    // A JSON body may be written as the JSON value itself rather than as its text.
    const asValues = path.join(dir, "values.ndjson");
    const value = (text: string) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    };
    const lineValues = fs
      .readFileSync(ndjson, "utf8")
      .split("\n")
      .map((line) => JSON.parse(line) as { response: { body?: string } })
      .map((line) =>
        JSON.stringify({ ...line, response: { ...line.response, body: value(line.response.body ?? "") } }),
      );
    expect(lineValues.some((line) => line.includes('"body":{'))).toBe(true);
    fs.writeFileSync(asValues, lineValues.join("\n"));
    const valued = await runInProcess(["verify", "messaging", asValues, "--format", "json"]);
    expect(findingsOf(valued.stdout)).toEqual(findingsOf(live.stdout));
  });

  it("a recording that is not HAR is one line, exit 2", async () => {
    const bad = path.join(dir, "bad.har");
    fs.writeFileSync(bad, '{"log": {}}');
    expect(await runInProcess(["verify", "partner", bad])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error-contracts: ${bad}: not a HAR file: no log.entries\n`,
    });
  });
});

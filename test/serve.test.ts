/** `npm run docs:serve`: a real server on a free port, rebuilding when the spec changes. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markerName } from "../scripts/build/output.js";
import { bin, copySpec, runCli } from "./helpers/cli.js";

describe("error-contracts serve", () => {
  let work: ReturnType<typeof copySpec>;
  let child: ChildProcess;
  let output = "";
  const waitFor = async (pattern: RegExp, from: number, ms = 100_000) => {
    for (const started = Date.now(); !pattern.test(output.slice(from)); await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() - started > ms || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
    }
    return pattern.exec(output.slice(from))!;
  };
  let url: string;

  beforeAll(async () => {
    work = copySpec("serve");
    fs.mkdirSync(path.join(work.out, "docs"), { recursive: true });
    fs.writeFileSync(path.join(work.out, "docs", "index.html"), "<p>last good docs</p>");
    // As an earlier build leaves it: marked as the build's own, so that a rebuild may replace it.
    fs.writeFileSync(path.join(work.out, markerName), "");
    child = spawn(process.execPath, [bin, "serve", "openapi", "--port", "0"], {
      cwd: work.dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    url = (await waitFor(/^serving generated\/docs at (http:\/\/127\.0\.0\.1:\d+\/)$/m, 0))[1]!;
    await waitFor(/^watching openapi for changes/m, 0);
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    fs.rmSync(work.dir, { recursive: true, force: true });
  });

  it("serves the docs folder on 127.0.0.1", async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<p>last good docs</p>");
  });

  it("keeps serving the last good docs when a change breaks the build", async () => {
    const file = path.join(work.spec, "components/examples/messaging/Messaging30011.yaml");
    const from = output.length;
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("x-error:\n", "x-error: [\n"));
    await waitFor(
      /^\d\d:\d\d:\d\d changed: openapi\/components\/examples\/messaging\/Messaging30011\.yaml: rebuilding$/m,
      from,
    );
    await waitFor(
      /^openapi\/components\/examples\/messaging\/Messaging30011\.yaml:\d+:\d+ error bundle: .*\n\d\d:\d\d:\d\d build failed: \d+ errors?(?: \(\d+ warnings?\))?; still serving the last good docs$/m,
      from,
    );
    expect(await (await fetch(url)).text()).toBe("<p>last good docs</p>");
  });

  it("rebuilds when the spec changes, and serves the new docs", async () => {
    const file = path.join(work.spec, "components/examples/messaging/Messaging30011.yaml");
    const from = output.length;
    const fixed = fs
      .readFileSync(file, "utf8")
      .replace("x-error: [\n", "x-error:\n")
      .replace(/^description: .*$/m, "description: Changed while serving.");
    fs.writeFileSync(file, fixed);
    await waitFor(/^\d\d:\d\d:\d\d rebuilt in [\d.]+ s\n\d\d:\d\d:\d\d serving the new docs at http/m, from);
    const page = await (await fetch(url)).text();
    expect(page).toContain('id="messaging-30011"');
    expect(page).toContain("Changed while serving.");
    expect((await fetch(`${url}id/`)).status).toBe(200);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
  });
});

describe("error-contracts serve on a port in use", () => {
  it("builds the missing docs, then says so in one line and ends with exit code 2 (its rendering process with it)", async () => {
    const work = copySpec("serve-port-in-use");
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const run = await runCli(["serve", "openapi", "--port", String(port)], work.dir);
      expect(run.stdout).toMatch(/no docs in generated\/docs yet: building[\s\S]*rebuilt in/);
      expect(run.stderr).toBe(`error-contracts: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`);
      expect(run.code).toBe(2);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      fs.rmSync(work.dir, { recursive: true, force: true });
    }
  });
});

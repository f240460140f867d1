/** The build daemon, end to end: real CLI processes, a real daemon in a socket folder of the test's own. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alive } from "../scripts/core/lifetime.js";
import { exchange, type Reply } from "../scripts/daemon/protocol.js";
import { socketPath } from "../scripts/daemon/where.js";
import { bin, childrenMatching, copySpec, hashTree, runCommand, type Run } from "./helpers/cli.js";

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await condition()) return;
  throw new Error(`not within ${ms} ms: ${what}`);
}
/** A build's lines without its timings. */
const lines = (run: Run) => `${run.stdout}${run.stderr}`.replace(/\d+ ms/g, "N ms");
const leftovers = (out: string) =>
  fs.readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(out)}.`));

describe("the build daemon", () => {
  const folder = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "daemon-sockets-"));
  const env = { ERROR_CONTRACTS_DAEMON: "on", ERROR_CONTRACTS_DAEMON_DIR: folder };
  const socket = socketPath(env)!;
  const cli = (args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) =>
    runCommand(process.execPath, [bin, ...args], cwd, { ...env, ...extra });
  const status = async () => {
    let found: Extract<Reply, { status: unknown }>["status"] | undefined;
    await exchange(socket, { status: true }, (reply) => {
      if ("status" in reply) found = reply.status;
    });
    return found;
  };
  /** Starts a daemon in `cwd` and waits until it is ready: its pid. */
  const started = async (cwd: string) => {
    expect((await cli(["daemon", "start"], cwd)).stdout).toMatch(/^build daemon \d+: ready$/m);
    return (await status())!.pid;
  };
  let a: ReturnType<typeof copySpec>;
  let b: ReturnType<typeof copySpec>;
  const edit = (spec: string, from: RegExp, to: string) => {
    const file = path.join(spec, "components", "examples", "sales", "SalesRecordNotFound.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));
  };

  beforeAll(() => {
    a = copySpec("daemon-a");
    b = copySpec("daemon-b");
  });
  afterAll(async () => {
    const pid = (await status())?.pid;
    await cli(["daemon", "stop"], a.dir);
    if (pid !== undefined && alive(pid)) process.kill(pid, "SIGKILL");
    for (const dir of [a.dir, b.dir, folder]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the builds after the first, writing and printing what a build in its own process does", async () => {
    const first = await cli(["build", "openapi"], a.dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^built 4 of 4 APIs/m);
    expect((await cli(["build", "openapi", "--no-daemon"], b.dir)).code).toBe(0);
    await started(a.dir);
    expect((await status())!.served).toBe(0);
    for (const spec of [a.spec, b.spec]) edit(spec, /summary: .*/, 'summary: "Record gone"');
    const viaDaemon = await cli(["build", "openapi"], a.dir);
    const here = await cli(["build", "openapi", "--no-daemon"], b.dir);
    expect((await status())!.served).toBe(1);
    expect(viaDaemon.code).toBe(0);
    expect(lines(viaDaemon)).toBe(lines(here));
    expect(viaDaemon.stdout).toMatch(/^built 1 of 4 APIs/m);
    expect(fs.readFileSync(path.join(a.out, "docs", "sales.html"), "utf8")).toContain("Record gone");
    expect(hashTree(a.out)).toBe(hashTree(b.out));
  });

  it("prints bad input's problem lines and exit code as a build in its own process does, the outputs as they were", async () => {
    const before = hashTree(a.out);
    for (const spec of [a.spec, b.spec]) edit(spec, /status: 404/, "status: 404\n  retryable: maybe");
    const viaDaemon = await cli(["build", "openapi"], a.dir);
    const here = await cli(["build", "openapi", "--no-daemon"], b.dir);
    expect((await status())!.served).toBe(2);
    expect(viaDaemon.code).toBe(1);
    expect(here.code).toBe(1);
    expect(viaDaemon.stderr).toContain("SalesRecordNotFound.yaml");
    expect(lines(viaDaemon)).toBe(lines(here));
    expect(hashTree(a.out)).toBe(before);
    for (const spec of [a.spec, b.spec]) edit(spec, /\n {2}retryable: maybe/, "");
  });

  it("builds in the client's folder, with its environment and file mode mask", async () => {
    await started(a.dir); // in a.dir, under this process's environment and mask
    expect(process.umask()).not.toBe(0o077);
    fs.mkdirSync(path.join(b.dir, "functions"));
    fs.writeFileSync(
      path.join(b.dir, "functions", "envFlag.js"),
      "export default () => (process.env.EC_FLAG ? [{ message: 'EC_FLAG is ' + process.env.EC_FLAG }] : []);\n",
    );
    fs.writeFileSync(
      path.join(b.dir, "env.spectral.yaml"),
      "extends: ./.spectral.yaml\nfunctions: [envFlag]\nrules:\n  env-flag:\n    given: $.info\n    severity: warn\n    then:\n      function: envFlag\n",
    );
    const served = (await status())!.served;
    const build = (flag: Record<string, string>) =>
      runCommand(
        "/bin/sh",
        [
          "-c",
          'umask 077 && exec "$0" "$@"',
          process.execPath,
          bin,
          "build",
          "openapi",
          "--force",
          "--no-docs",
          "--ruleset",
          "env.spectral.yaml",
        ],
        b.dir,
        { ...env, ...flag },
      );
    const flagged = await build({ EC_FLAG: "on" });
    const plain = await build({});
    expect((await status())!.served).toBe(served + 2);
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toMatch(/warning env-flag: EC_FLAG is on/);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(/env-flag/);
    expect(fs.statSync(path.join(b.out, "catalog.json")).mode & 0o777).toBe(0o600);
  });

  it("stops a build whose client is stopped (Ctrl-C) as a stop would in its own process, and ends", async () => {
    const pid = await started(a.dir);
    // A build here first, so that the daemon keeps a rendering process for this folder's Redocly configuration:
    // the next build's first line then finds it (a new one would start only after that line, a race).
    expect((await cli(["build", "openapi", "--force"], a.dir)).code).toBe(0);
    const before = hashTree(a.out);
    edit(a.spec, /summary: .*/, 'summary: "Never built"');
    let renderers: number[] = [];
    const client = spawn(process.execPath, [bin, "build", "openapi"], { cwd: a.dir, env: { ...process.env, ...env } });
    const stopped = new Promise<NodeJS.Signals | null>((resolve) =>
      client.once("exit", (_, signal) => resolve(signal)),
    );
    // The daemon has started the build (its first line: what it rebuilds), with its kept rendering process.
    client.stdout.once("data", () => {
      renderers = childrenMatching("build-docs-process", pid).split("\n").filter(Boolean).map(Number);
      client.kill("SIGINT");
    });
    expect(await stopped).toBe("SIGINT");
    expect(renderers.length).toBe(1);
    await until(() => !alive(pid) && renderers.every((child) => !alive(child)), "the daemon and its renderer gone");
    expect(fs.existsSync(socket)).toBe(false);
    // The change was not built: the output is the one before, nothing left beside it.
    expect(hashTree(a.out)).toBe(before);
    expect(leftovers(a.out)).toEqual([]);
    edit(a.spec, /summary: .*/, 'summary: "Record gone"');
  });

  it("refuses a build from other code as stale and ends, its socket removed; the next build starts another", async () => {
    const pid = await started(a.dir);
    const replies: Reply[] = [];
    await exchange(
      socket,
      { key: "other code", build: { argv: ["openapi"], cwd: a.dir, env: {}, umask: 0o022 } },
      (reply) => replies.push(reply),
    );
    expect(replies).toEqual([{ stale: true }]);
    await until(() => !alive(pid), "the stale daemon gone");
    expect(fs.existsSync(socket)).toBe(false);
    const next = await cli(["build", "openapi", "--no-docs"], a.dir);
    expect(next.code).toBe(0);
    await until(async () => (await status())?.ready === true, "another daemon ready");
    expect((await status())!.pid).not.toBe(pid);
  });

  it("builds in its own process past a socket left by a daemon killed with SIGKILL", async () => {
    const pid = await started(a.dir);
    process.kill(pid, "SIGKILL");
    await until(() => !alive(pid), "the daemon killed");
    expect(fs.existsSync(socket)).toBe(true);
    const next = await cli(["build", "openapi", "--no-docs"], a.dir); // as the last build
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^up to date: 4 APIs/m);
    await until(async () => (await status())?.ready === true, "a new daemon on the same socket");
  });

  it("ends once its socket's path is no longer its own (removed, or taken by a daemon started beside it)", async () => {
    const pid = await started(a.dir);
    fs.rmSync(socket);
    await until(() => !alive(pid), "the daemon without its socket gone");
  });

  it("ends after its idle time, its socket removed", async () => {
    await cli(["daemon", "stop"], a.dir);
    await until(async () => (await status()) === undefined, "the last daemon gone");
    const pid = Number(
      (await cli(["daemon", "start"], a.dir, { ERROR_CONTRACTS_DAEMON_IDLE_MS: "1000" })).stdout.match(/\d+/)![0],
    );
    await until(() => !alive(pid), "the idle daemon gone");
    expect(fs.existsSync(socket)).toBe(false);
  });
});

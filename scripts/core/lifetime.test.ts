import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { killOnStop, runNode, startNode } from "./lifetime.js";

const lifetime = path.join(path.dirname(fileURLToPath(import.meta.url)), "lifetime.ts");
/** A process that has not ended: one that has (a zombie, until init reaps it) counts as ended. */
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A parent (through tsx) that runs `child` with runNode and prints the child's pid once it runs.
 * The child keeps its thread busy, as `redocly build-docs` does while it renders: nothing inside it
 * could notice that its parent is gone.
 */
function startParent(dir: string, childBody: string) {
  const child = path.join(dir, "child.cjs");
  fs.writeFileSync(child, `process.stdout.write(""); ${childBody}`);
  const parentScript = `
    import { runNode } from ${JSON.stringify(lifetime)};
    import { execFileSync } from "node:child_process";
    const running = runNode(${JSON.stringify(child)}, []);
    for (;;) {
      const pids = execFileSync("pgrep", ["-P", String(process.pid), "-f", "child.cjs"], { encoding: "utf8" }).trim();
      if (pids) { console.log(pids); break; }
    }
    await running.then(() => console.log("done"));
  `;
  const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", parentScript], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  parent.stdout.on("data", (chunk) => (out += chunk));
  const childPid = new Promise<number>((resolve, reject) => {
    parent.stdout.on("data", () => {
      const first = out.split("\n")[0];
      if (out.includes("\n")) resolve(Number(first));
    });
    parent.on("close", () => reject(new Error(`parent ended before its child ran: ${out}`)));
  });
  const closed = new Promise<void>((resolve) => parent.on("close", () => resolve()));
  return { parent, childPid, closed, output: () => out };
}

describe("runNode", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("ends a busy child within a second of its parent's kill -9", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
    const run = startParent(dir, "const end = Date.now() + 30_000; while (Date.now() < end);");
    const pid = await run.childPid;
    expect(running(pid)).toBe(true);
    run.parent.kill("SIGKILL");
    await run.closed;
    const started = Date.now();
    while (running(pid) && Date.now() - started < 1000) await wait(20);
    const alive = running(pid);
    if (alive) process.kill(pid, "SIGKILL");
    expect(alive).toBe(false);
  });

  it("leaves a child that ends by itself alone, and its parent ends", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
    const run = startParent(dir, "setTimeout(() => {}, 300);");
    const pid = await run.childPid;
    await run.closed;
    expect(run.parent.exitCode).toBe(0);
    expect(run.output()).toBe(`${pid}\ndone\n`);
    expect(running(pid)).toBe(false);
  });

  it("runs a background child at nice 10 more than this process, others at this process's priority", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
    const child = path.join(dir, "priority.cjs");
    // The priority is set just after the child starts: it reports it once it has had time to be set.
    fs.writeFileSync(child, 'setTimeout(() => console.log(require("node:os").getPriority()), 200);');
    const own = os.getPriority();
    expect((await runNode(child, [], { background: true })).stdout.trim()).toBe(String(Math.min(19, own + 10)));
    expect((await runNode(child, [])).stdout.trim()).toBe(String(own));
  });
});

describe("stop", () => {
  it("kills the children before the other cleanups run, whatever the order they were registered in", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
    try {
      const child = path.join(dir, "child.cjs");
      fs.writeFileSync(child, "setInterval(() => {}, 1000);");
      // A folder's cleanup registered after the child started: newest first, it would run before the child's
      // kill. It reports whether the child was gone within a second of it being called.
      const parentScript = `
        import { runNode, stop, untilDone } from ${JSON.stringify(lifetime)};
        import { execFileSync } from "node:child_process";
        import fs from "node:fs";
        runNode(${JSON.stringify(child)}, []).catch(() => {});
        let pid = "";
        while (!pid) pid = execFileSync("pgrep", ["-P", String(process.pid), "-f", "child.cjs"], { encoding: "utf8" }).trim();
        const gone = () => { try { return /^\\d+ \\(.*\\) Z/.test(fs.readFileSync("/proc/" + pid + "/stat", "utf8")); } catch { return true; } };
        untilDone(() => {
          const end = Date.now() + 1000;
          while (!gone() && Date.now() < end);
          console.log(gone() ? "child gone" : "child alive");
        });
        stop(130);
      `;
      const parent = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", parentScript], {
        encoding: "utf8",
      });
      expect(parent.status).toBe(130);
      expect(parent.stdout.trim()).toBe("child gone");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("startNode with stopKills false", () => {
  it("installs no stop handler while idle; killOnStop does, until released", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
    const script = path.join(dir, "idle.cjs");
    fs.writeFileSync(script, "process.on('disconnect', () => process.exit(0)); setInterval(() => {}, 1000);");
    const handlers = () => process.listenerCount("SIGTERM");
    const before = handlers();
    const child = startNode(script, [], { stopKills: false });
    try {
      expect(handlers()).toBe(before);
      const release = killOnStop(child);
      expect(handlers()).toBe(before + 1);
      release();
      expect(handlers()).toBe(before);
      // Without the option, a stop kills it from the start.
      const supervised = startNode(script, []);
      expect(handlers()).toBe(before + 1);
      supervised.kill("SIGKILL");
      await new Promise((resolve) => supervised.once("exit", resolve));
      expect(handlers()).toBe(before);
    } finally {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

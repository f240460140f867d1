/**
 * Interrupted builds clean up after themselves: a stopped build removes its staging folder and its
 * Redocly `build-docs` child (`build-docs-process.js`); what a killed build leaves is put right by the next one; a closed
 * stdout ends the build quietly.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bin, hashTree } from "../helpers/cli.js";
import { build } from "../../scripts/build/index.js";
import { buildOptionsOf, project, runLimited } from "./project.js";

/** Whether a process is still running (a zombie counts as gone). */
const running = (pid: number) => {
  const state = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
  return state !== "" && !state.startsWith("Z");
};
const childrenOf = (pid: number) =>
  spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean)
    .map(Number);
const until = async (what: string, ready: () => boolean, ms = 90_000) => {
  for (const started = Date.now(); !ready(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
  }
};

/**
 * Starts a cold build of one API with docs and waits until its `build-docs` child is running and its staging
 * folder made (the child starts first: it loads Redocly while the build bundles).
 */
async function buildUntilDocs(dir: string) {
  const args = [bin, "build", "openapi/messaging/openapi.yaml", "--force"];
  const child = spawn(process.execPath, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  // Its `build-docs-process.js` child, not another child (esbuild's service, when the command is bundled anew).
  const buildDocs = (pid: number) =>
    spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout.includes("build-docs");
  await until("build-docs children", () => childrenOf(child.pid!).some(buildDocs));
  await until("the staging folder", () => fs.readdirSync(dir).some((name) => name.startsWith("generated.staging-")));
  return {
    pid: child.pid!,
    children: childrenOf(child.pid!),
    closed,
    output: () => output,
    kill: (signal: NodeJS.Signals) => child.kill(signal),
  };
}

describe.each(["SIGINT", "SIGTERM"] as const)("a build stopped with %s", (signal) => {
  it("removes its staging folder and its children, and leaves generated/ as it was", async () => {
    const work = project("faults-signal");
    const before = hashTree(work.out);
    const build = await buildUntilDocs(work.dir);
    expect(work.leftovers()).toEqual([expect.stringMatching(/^generated\.staging-\d+-/)]);
    build.kill(signal);
    const { code } = await build.closed;
    expect(code).toBe(signal === "SIGINT" ? 130 : 143);
    expect(build.output()).not.toMatch(/^\s+at /m);
    await until("the children to end", () => build.children.every((pid) => !running(pid)), 5_000);
    expect(work.leftovers()).toEqual([]);
    expect(hashTree(work.out)).toBe(before);
  });
});

describe("a build killed with SIGKILL", () => {
  it("takes its children with it; the next build removes its staging folder and builds", async () => {
    const work = project("faults-kill");
    const build = await buildUntilDocs(work.dir);
    build.kill("SIGKILL");
    await build.closed;
    await until("the orphaned children to end", () => build.children.every((pid) => !running(pid)), 10_000);
    const [staging] = work.leftovers();
    expect(staging).toMatch(/^generated\.staging-\d+-/);
    const next = await runLimited(["build", "openapi", "--no-docs"], work.dir);
    expect(next.stdout).toContain(`removed ${staging}, left by an interrupted build`);
    expect(next.stdout).toMatch(/^built 4 of 4 APIs/m);
    expect(work.leftovers()).toEqual([]);
  });
});

describe("a crash between the two renames of the swap", () => {
  it("is restored by the next build before it does anything else", async () => {
    const work = project("faults-swap");
    const before = hashTree(work.out);
    // What a crash leaves there: the previous output moved aside by a build that is gone, no generated/.
    fs.renameSync(work.out, path.join(work.dir, "generated.old-999999999-1"));
    const lines: string[] = [];
    await build({ ...buildOptionsOf(work, (line) => lines.push(line)), force: true });
    expect(lines[0]).toBe(
      `restored ${path.relative(process.cwd(), work.out)} from ${path.relative(process.cwd(), work.out)}.old-999999999-1, left by an interrupted build`,
    );
    expect(hashTree(work.out)).toBe(before);
    expect(work.leftovers()).toEqual([]);
  });

  it("does not touch a folder of that name that the build did not make", async () => {
    const work = project("faults-foreign");
    const foreign = path.join(work.dir, "generated.old-999999999-2");
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, "keep.txt"), "mine\n");
    await build(buildOptionsOf(work));
    expect(fs.readFileSync(path.join(foreign, "keep.txt"), "utf8")).toBe("mine\n");
  });
});

describe("a closed stdout (error-contracts build | head -1)", () => {
  it("ends the build quietly: no stack trace, no staging folder, generated/ as it was", async () => {
    const work = project("faults-pipe");
    const before = hashTree(work.out);
    const run = spawnSync(
      "bash",
      ["-c", `set -o pipefail; "${process.execPath}" "${bin}" build openapi --force | head -1`],
      { cwd: work.dir, encoding: "utf8" },
    );
    expect(run.stdout).toMatch(/^bundle {3}4 APIs/);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(141);
    expect(work.leftovers()).toEqual([]);
    expect(hashTree(work.out)).toBe(before);
  });
});

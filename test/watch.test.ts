/** `error-contracts build --watch`: rebuilds on save and says what changed. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, copySpec } from "./helpers/cli.js";

describe("build --watch", () => {
  let work: ReturnType<typeof copySpec>;
  let child: ChildProcess;
  let output = "";
  /** Waits for `pattern` in what the command printed after `from`. */
  const waitFor = (pattern: RegExp, from = 0, ms = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = setInterval(() => {
        if (pattern.test(output.slice(from))) {
          clearInterval(check);
          resolve();
        } else if (Date.now() - started > ms) {
          clearInterval(check);
          reject(new Error(`no ${pattern} in:\n${output}`));
        }
      }, 100);
    });
  beforeAll(() => {
    work = copySpec("watch");
    child = spawn(process.execPath, [bin, "build", "openapi", "--no-docs", "--watch"], {
      cwd: work.dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
  });
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(work.dir, { recursive: true, force: true });
  });

  it("sees a save made while the first build runs, and builds it next", async () => {
    await waitFor(/^bundle /m);
    // The first build has read its files: this save comes after, and must not be lost.
    const example = path.join(work.spec, "components", "examples", "messaging", "Messaging30013.yaml");
    fs.writeFileSync(
      example,
      fs.readFileSync(example, "utf8").replace(/summary: .*/, "summary: Saved during the first build"),
    );
    await waitFor(/watching openapi for changes/);
    expect(output).toMatch(/^built 4 of 4 APIs, 50 error codes, 23 error statuses into generated in \d+ ms$/m);
    await waitFor(
      /^changed: openapi\/components\/examples\/messaging\/Messaging30013\.yaml\n[\s\S]*^built 1 of 4 APIs/m,
    );
    expect(fs.readFileSync(path.join(work.out, "messaging", "openapi.yaml"), "utf8")).toContain(
      "Saved during the first build",
    );
  });

  it("builds, then rebuilds only what a save changed, printing the file and the time", async () => {
    const from = output.length;
    const example = path.join(work.spec, "components", "examples", "messaging", "Messaging30011.yaml");
    fs.writeFileSync(example, fs.readFileSync(example, "utf8").replace("Shorten it", "Make it shorter"));
    await waitFor(/^built 1 of 4 APIs, 50 error codes, 23 error statuses into generated in \d+ ms$/m, from);
    expect(output.slice(from)).toMatch(/^changed: openapi\/components\/examples\/messaging\/Messaging30011\.yaml$/m);
    expect(output.slice(from)).toMatch(/^cached {3}partner, referrals, sales unchanged; rebuilding messaging$/m);
    expect(fs.readFileSync(path.join(work.out, "catalog.json"), "utf8")).toContain("Make it shorter");
  });

  it("rebuilds after each save that replaces a component by rename, ending with the last text", async () => {
    const example = path.join(work.spec, "components", "examples", "messaging", "Messaging30002.yaml");
    const original = fs.readFileSync(example, "utf8");
    for (const text of ["is not a channel ID we know", "names no channel"]) {
      const from = output.length;
      // An editor's safe write: the new text goes to a file beside it, which is renamed onto it.
      fs.writeFileSync(`${example}.tmp`, original.replace("is not a valid channel ID", text));
      fs.renameSync(`${example}.tmp`, example);
      await waitFor(/^built 1 of 4 APIs, 50 error codes, 23 error statuses into generated in \d+ ms$/m, from, 60_000);
      expect(output.slice(from)).toMatch(/^changed: openapi\/components\/examples\/messaging\/Messaging30002\.yaml$/m);
    }
    const catalog = fs.readFileSync(path.join(work.out, "catalog.json"), "utf8");
    expect(catalog).toContain("names no channel");
    expect(catalog).not.toContain("is not a channel ID we know");
  });
});

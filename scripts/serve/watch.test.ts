import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchTree, type Watcher } from "./watch.js";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 5000): Promise<void> {
  for (const started = Date.now(); !check(); await wait(20)) if (Date.now() - started > ms) throw new Error("timed out");
}

describe("watchTree", () => {
  let dir: string;
  let watcher: Watcher | undefined;
  afterEach(() => {
    watcher?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports a burst of changes once, with every file, and skips what it does not include", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "watch-"));
    fs.mkdirSync(path.join(dir, "components", "examples"), { recursive: true });
    const calls: string[][] = [];
    watcher = watchTree(dir, { debounceMs: 100, include: (file) => file.endsWith(".yaml"), onChange: (files) => void calls.push(files) });
    await wait(50);
    fs.writeFileSync(path.join(dir, "components", "examples", "A.yaml"), "a: 1\n");
    fs.writeFileSync(path.join(dir, "b.yaml"), "b: 1\n");
    fs.writeFileSync(path.join(dir, "notes.swp"), "x");
    await until(() => calls.length > 0);
    await wait(250);
    expect(calls).toEqual([["b.yaml", "components/examples/A.yaml"]]);
  });

  it("holds changes made during a rebuild and reports them after it", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "watch-"));
    const calls: string[][] = [];
    let release: () => void = () => {};
    watcher = watchTree(dir, {
      debounceMs: 50,
      onChange: (files) => {
        calls.push(files);
        if (calls.length === 1) return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await wait(50);
    fs.writeFileSync(path.join(dir, "a.yaml"), "1");
    await until(() => calls.length === 1);
    fs.writeFileSync(path.join(dir, "b.yaml"), "1");
    await wait(200);
    expect(calls).toHaveLength(1);
    release();
    await until(() => calls.length === 2);
    expect(calls[1]).toEqual(["b.yaml"]);
  });
});

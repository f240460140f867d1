import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchTree, type Watcher } from "./watch.js";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: () => string, ms = 5000): Promise<void> {
  for (const started = Date.now(); !check(); await wait(20)) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
  }
}

/** One onChange: the files it was given and what each of them held when it ran. */
interface Call {
  files: string[];
  text: Record<string, string | null>;
}

describe("watchTree", () => {
  let dir: string;
  let watcher: Watcher | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "watch-"));
  });
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string) => path.join(dir, name);
  const read = (name: string) => (fs.existsSync(file(name)) ? fs.readFileSync(file(name), "utf8") : null);
  /** Saves as an editor's safe write does: the new text goes to a temporary file beside it, renamed onto it. */
  const saveByRename = (name: string, text: string, temp = `${name}.tmp`) => {
    fs.writeFileSync(file(temp), text);
    fs.renameSync(file(temp), file(name));
  };
  /** The onChange expected when only `name` changed and it then held `text`. */
  const only = (name: string, text: string): Call => ({ files: [name], text: { [name]: text } });
  /** Watches `dir` for .yaml files, recording every onChange with what the files held when it ran. */
  async function record(debounceMs = 150): Promise<Call[] & { next(n: number): Promise<Call> }> {
    const calls: Call[] = [];
    watcher = watchTree(dir, {
      debounceMs,
      include: (name) => name.endsWith(".yaml"),
      onChange: (files) => {
        calls.push({ files, text: Object.fromEntries(files.map((name) => [name, read(name)])) });
      },
    });
    await watcher.ready;
    /** The n-th onChange (from 1), once it has run. */
    const next = async (n: number) => {
      await until(
        () => calls.length >= n,
        () => `onChange #${n}; calls so far: ${JSON.stringify(calls)}`,
      );
      return calls[n - 1]!;
    };
    return Object.assign(calls, { next });
  }

  it("reports a burst of changes once, with every file, and skips what it does not include", async () => {
    fs.mkdirSync(path.join(dir, "components", "examples"), { recursive: true });
    const calls: string[][] = [];
    watcher = watchTree(dir, {
      debounceMs: 100,
      include: (file) => file.endsWith(".yaml"),
      onChange: (files) => void calls.push(files),
    });
    await watcher.ready;
    fs.writeFileSync(path.join(dir, "components", "examples", "A.yaml"), "a: 1\n");
    fs.writeFileSync(path.join(dir, "b.yaml"), "b: 1\n");
    fs.writeFileSync(path.join(dir, "notes.swp"), "x");
    await until(
      () => calls.length > 0,
      () => "onChange",
    );
    await wait(250);
    expect(calls).toEqual([["b.yaml", "components/examples/A.yaml"]]);
  });

  it("holds changes made during a rebuild and reports them after it", async () => {
    const calls: string[][] = [];
    let release: () => void = () => {};
    watcher = watchTree(dir, {
      debounceMs: 50,
      onChange: (files) => {
        calls.push(files);
        if (calls.length === 1) return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await watcher.ready;
    fs.writeFileSync(path.join(dir, "a.yaml"), "1");
    await until(
      () => calls.length === 1,
      () => "onChange #1",
    );
    fs.writeFileSync(path.join(dir, "b.yaml"), "1");
    await wait(200);
    expect(calls).toHaveLength(1);
    release();
    await until(
      () => calls.length === 2,
      () => "onChange #2",
    );
    expect(calls[1]).toEqual(["b.yaml"]);
  });

  it("reports a save by rename, and still sees the next save to that file", async () => {
    fs.writeFileSync(file("x.yaml"), "0");
    const calls = await record();
    saveByRename("x.yaml", "1");
    expect(await calls.next(1)).toEqual(only("x.yaml", "1"));
    fs.writeFileSync(file("x.yaml"), "2");
    expect(await calls.next(2)).toEqual(only("x.yaml", "2"));
  });

  it("reports each of three saves by rename in a row onto the same file", async () => {
    fs.writeFileSync(file("x.yaml"), "0");
    const calls = await record();
    for (const n of [1, 2, 3]) {
      saveByRename("x.yaml", `save ${n}`);
      expect(await calls.next(n)).toEqual(only("x.yaml", `save ${n}`));
    }
  });

  it("reports each sed -i (a temporary file in the same folder renamed over the file)", async () => {
    fs.mkdirSync(file("components"));
    fs.writeFileSync(file("components/x.yaml"), "title: one\n");
    const calls = await record();
    // What `sed -i s/one/two/ x.yaml` does: write the edited text to components/sedXXXXXX, rename it over x.yaml.
    saveByRename("components/x.yaml", "title: two\n", "components/sedA1b2C3");
    expect(await calls.next(1)).toEqual(only("components/x.yaml", "title: two\n"));
    saveByRename("components/x.yaml", "title: three\n", "components/sedD4e5F6");
    expect(await calls.next(2)).toEqual(only("components/x.yaml", "title: three\n"));
  });

  it("reports in-place writes, also to a file an earlier save replaced by rename", async () => {
    fs.writeFileSync(file("x.yaml"), "0");
    const calls = await record();
    fs.writeFileSync(file("x.yaml"), "in place");
    expect(await calls.next(1)).toEqual(only("x.yaml", "in place"));
    saveByRename("x.yaml", "renamed");
    expect(await calls.next(2)).toEqual(only("x.yaml", "renamed"));
    fs.writeFileSync(file("x.yaml"), "in place again");
    expect(await calls.next(3)).toEqual(only("x.yaml", "in place again"));
  });

  it("reports a file created in a new sub-folder, and each later save to it by rename", async () => {
    const calls = await record();
    fs.mkdirSync(file("components/new"), { recursive: true });
    fs.writeFileSync(file("components/new/N.yaml"), "created");
    expect(await calls.next(1)).toEqual(only("components/new/N.yaml", "created"));
    saveByRename("components/new/N.yaml", "saved once");
    expect(await calls.next(2)).toEqual(only("components/new/N.yaml", "saved once"));
    saveByRename("components/new/N.yaml", "saved twice");
    expect(await calls.next(3)).toEqual(only("components/new/N.yaml", "saved twice"));
  });

  it("reports a burst of 20 saves (in place and by rename) once, reading the final text", async () => {
    fs.writeFileSync(file("x.yaml"), "0");
    const calls = await record(200);
    saveByRename("x.yaml", "before the burst");
    await calls.next(1);
    for (let n = 1; n <= 20; n++) {
      if (n % 2) fs.writeFileSync(file("x.yaml"), `burst ${n}`);
      else saveByRename("x.yaml", `burst ${n}`);
    }
    expect(await calls.next(2)).toEqual(only("x.yaml", "burst 20"));
    await wait(600);
    expect(calls).toHaveLength(2);
  });

  it("starts watching a folder of 200 files quickly, and sees a save made as soon as it is ready", async () => {
    for (let folder = 0; folder < 10; folder++) {
      fs.mkdirSync(file(`f${folder}`));
      for (let n = 0; n < 20; n++) fs.writeFileSync(file(`f${folder}/${n}.yaml`), "0");
    }
    const started = performance.now();
    const calls = await record();
    expect(performance.now() - started).toBeLessThan(2000);
    saveByRename("f9/19.yaml", "1");
    expect(await calls.next(1)).toEqual(only("f9/19.yaml", "1"));
  });

  it("stops reporting once close() is called, and releases every watch handle", async () => {
    const handles = () => process.getActiveResourcesInfo().filter((name) => name === "FSEventWrap").length;
    await wait(20); // a closed handle is listed until the event loop has run its close callback
    const before = handles();
    fs.writeFileSync(file("x.yaml"), "0");
    const calls = await record();
    // It sees saves by rename while open, so seeing none after close() means close() stopped it.
    saveByRename("x.yaml", "1");
    await calls.next(1);
    saveByRename("x.yaml", "2");
    await calls.next(2);
    saveByRename("x.yaml", "pending when closed");
    await watcher!.close();
    await until(
      () => handles() === before,
      () => `${before} FSEventWrap handles, not ${handles()}`,
    );
    saveByRename("x.yaml", "3");
    fs.writeFileSync(file("x.yaml"), "4");
    fs.mkdirSync(file("new"));
    fs.writeFileSync(file("new/y.yaml"), "5");
    await wait(300);
    expect(calls).toHaveLength(2);
  });
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashFile } from "../core/cache.js";
import { claimOutput, markerName, OutputRefused, recoverOutput, stage } from "./output.js";

let dir: string;
const at = (...parts: string[]) => path.join(dir, ...parts);
const write = (relative: string, text = "x") => {
  fs.mkdirSync(path.dirname(at(relative)), { recursive: true });
  fs.writeFileSync(at(relative), text);
};
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "output-")));
  write("spec/api/openapi.yaml");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("claimOutput", () => {
  it.each([
    ["absent", () => {}],
    ["empty", () => fs.mkdirSync(at("out"))],
    ["marked as the build's", () => write(`out/${markerName}`)],
  ])("accepts a folder that is %s", (_name, arrange) => {
    arrange();
    expect(() => claimOutput(at("out"), at("spec"))).not.toThrow();
  });

  it("accepts an unmarked folder holding only files the cache records the build writing, with their bytes", () => {
    write("out/a/types.ts", "made by the build");
    const recorded = new Map([["a/types.ts", hashFile(at("out/a/types.ts"))!]]);
    expect(() => claimOutput(at("out"), at("spec"), recorded)).not.toThrow();
    expect(() => claimOutput(at("out"), at("spec"), new Map([["b/types.ts", "x"]]))).toThrow(OutputRefused);
    // The same name with other bytes: someone else's file.
    write("out/a/types.ts", "my own notes");
    expect(() => claimOutput(at("out"), at("spec"), recorded)).toThrow(OutputRefused);
  });

  it("refuses a marked folder holding a file the build's record does not list (tsc's output beside a client)", () => {
    write(`out/${markerName}`);
    write("out/a/client.ts", "made by the build");
    const recorded = new Map([["a/client.ts", hashFile(at("out/a/client.ts"))!]]);
    expect(() => claimOutput(at("out"), at("spec"), recorded)).not.toThrow();
    // A generated file edited by hand is still the build's to rewrite; a file it never wrote is not.
    write("out/a/client.ts", "edited");
    expect(() => claimOutput(at("out"), at("spec"), recorded)).not.toThrow();
    write("out/a/client.js", "compiled by tsc");
    write("out/a/NOTES.md");
    expect(() => claimOutput(at("out"), at("spec"), recorded)).toThrow(
      /^--out (.*)out: holds files the build did not make \(\1out\/a\/NOTES\.md, \1out\/a\/client\.js\); the build replaces its output whole: move them out of \1out, then build again$/,
    );
    // With no record (a fresh clone, a cleared cache), the marker is all there is to go by.
    expect(() => claimOutput(at("out"), at("spec"))).not.toThrow();
  });

  it("refuses a folder holding only empty folders: they are someone's too", () => {
    fs.mkdirSync(at("out", "keep", "deeper"), { recursive: true });
    expect(() => claimOutput(at("out"), at("spec"))).toThrow(/holds files the build did not make/);
  });

  it("refuses the spec reached through a symlink inside a marked output, and an output inside the spec", () => {
    write(`out/${markerName}`);
    fs.cpSync(at("spec"), at("out", "spec"), { recursive: true });
    fs.symlinkSync(at("out", "spec"), at("linked-spec"));
    expect(() => claimOutput(at("out"), at("linked-spec"))).toThrow(/holds the spec folder/);
    expect(() => claimOutput(at("spec", "gen"), at("spec"))).toThrow(/is inside the spec folder/);
  });

  it.each([
    ["the spec folder", "spec", /holds the spec folder/],
    ["a folder holding the spec", ".", /holds the spec folder/],
    ["a folder of other files", "notes", /holds files the build did not make/],
    ["a file", "notes/a.txt", /is a file, not a folder/],
    ["a folder below a file", "notes/a.txt/sub", /notes\/a\.txt is a file, not a folder/],
  ])("refuses %s", (_name, out, want) => {
    write("notes/a.txt");
    expect(() => claimOutput(at(out), at("spec"))).toThrow(want);
  });
});

describe("recoverOutput", () => {
  it("moves back an output a crash left aside, and removes dead builds' staging folders", () => {
    write(`out.old-999999999-1/${markerName}`);
    write("out.old-999999999-1/a.ts", "previous");
    write(`out.staging-999999999-abc/${markerName}`);
    const lines = recoverOutput(at("out"));
    expect(lines).toHaveLength(2);
    expect(fs.readFileSync(at("out", "a.ts"), "utf8")).toBe("previous");
    expect(fs.readdirSync(dir).sort()).toEqual(["out", "spec"]);
  });

  it("leaves a live build's staging folder, and folders without the marker", () => {
    write(`out.staging-${process.pid}-abc/${markerName}`);
    write("out.old-999999999-2/mine.txt");
    expect(recoverOutput(at("out"))).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["out.old-999999999-2", `out.staging-${process.pid}-abc`, "spec"]);
  });
});

describe("stage", () => {
  it("replaces the output only on commit; discard leaves it as it was", async () => {
    write("out/a.ts", "old");
    const first = await stage(at("out"));
    fs.writeFileSync(path.join(first.dir, "a.ts"), "new");
    await first.discard();
    expect(fs.readFileSync(at("out", "a.ts"), "utf8")).toBe("old");
    const second = await stage(at("out"));
    fs.writeFileSync(path.join(second.dir, "a.ts"), "new");
    await second.commit();
    expect(fs.readFileSync(at("out", "a.ts"), "utf8")).toBe("new");
    expect(fs.existsSync(at("out", markerName))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["out", "spec"]);
  });

  it("creates its folder and registers its removal in one step: a stop right after the call leaves nothing", () => {
    // A stop that came while the folder was being created, before its removal was registered, left it behind
    // (the build daemon stopped by its client's Ctrl-C): here the stop comes before the call's promise settles.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const script = `
      import fs from "node:fs";
      import { stage } from ${JSON.stringify(path.join(here, "output.ts"))};
      import { stop } from ${JSON.stringify(path.join(here, "..", "core", "lifetime.ts"))};
      void stage(${JSON.stringify(at("out"))});
      console.log(fs.readdirSync(${JSON.stringify(dir)}).filter((name) => name.startsWith("out.staging-")).length);
      stop(130);
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("1\n");
    expect(run.status).toBe(130);
    expect(fs.readdirSync(dir).sort()).toEqual(["spec"]);
  });
});

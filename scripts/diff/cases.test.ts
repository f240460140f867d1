/**
 * Slices of real version pairs (cases/<case>/) and edges a review found (edges/<edge>/), see their
 * READMEs: the real diffFiles on each, given base.yaml and head.yaml (or base/ and head/ of
 * several files), want expected.json's findings, messages and places exactly.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRedoclyConfig } from "../core/bundle.js";
import { diffFiles } from "./index.js";
import { exitCodeFor, type Finding } from "./rules.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const folders = (group: string) =>
  fs
    .readdirSync(path.join(here, group))
    .filter((name) => fs.statSync(path.join(here, group, name)).isDirectory())
    .map((name) => path.join(group, name));
const names = [...folders("cases"), ...folders("edges")];
/** `base.yaml` (or `base.json`), or `base/openapi.yaml` where a version is several files. */
const version = (dir: string, side: string) =>
  [path.join(dir, side, "openapi.yaml"), path.join(dir, `${side}.json`)].find((file) => fs.existsSync(file)) ??
  path.join(dir, `${side}.yaml`);

interface Want {
  exitCode: number;
  findings: (Pick<Finding, "rule" | "level" | "location"> & Partial<Pick<Finding, "message" | "base" | "head">>)[];
}

describe.each(names)("%s", (name) => {
  const dir = path.join(here, name);
  it("gives exactly the expected findings and exit code", async () => {
    const want = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Want;
    const config = await loadRedoclyConfig(path.join(here, "..", "..", "redocly.yaml"));
    const { findings } = await diffFiles(version(dir, "base"), version(dir, "head"), config, dir);
    const got = findings.map((f, i) => {
      const keys = Object.keys(want.findings[i] ?? { rule: 0, level: 0, location: 0 }) as (keyof Finding)[];
      return Object.fromEntries(keys.map((key) => [key, f[key]]));
    });
    expect(got).toEqual(want.findings);
    expect(exitCodeFor(findings, "breaking")).toBe(want.exitCode);
  });
});

describe("diffFiles names the API as the build and diff --base do", () => {
  const repo = path.join(here, "..", "..");
  it("an API folder's root by its folder, a file of its own by its title", async () => {
    const config = await loadRedoclyConfig(path.join(repo, "redocly.yaml"));
    const root = path.join(repo, "openapi", "messaging", "openapi.yaml");
    expect((await diffFiles(root, root, config)).api).toBe("messaging");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diff-name-"));
    try {
      const own = path.join(dir, "shop.yaml");
      fs.writeFileSync(own, "openapi: 3.1.0\ninfo: {title: Shop API, version: 1.0.0}\npaths: {}\n");
      expect((await diffFiles(own, own, config)).api).toBe("shop-api");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Slices of real version pairs (cases/<case>/, see its README): the real diffFiles on each,
 * given base.yaml and head.yaml, want expected.json's findings, messages and places exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRedoclyConfig } from "../core/bundle.js";
import { diffFiles } from "./index.js";
import { exitCodeFor, type Finding } from "./rules.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cases = path.join(here, "cases");
const names = fs.readdirSync(cases).filter((name) => fs.statSync(path.join(cases, name)).isDirectory());

interface Want {
  exitCode: number;
  findings: (Pick<Finding, "rule" | "level" | "location"> & Partial<Pick<Finding, "message" | "base" | "head">>)[];
}

describe.each(names)("%s", (name) => {
  const dir = path.join(cases, name);
  it("gives exactly the expected findings and exit code", async () => {
    const want = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Want;
    const config = await loadRedoclyConfig(path.join(here, "..", "..", "redocly.yaml"));
    const { findings } = await diffFiles(path.join(dir, "base.yaml"), path.join(dir, "head.yaml"), config, dir);
    const got = findings.map((f, i) => {
      const keys = Object.keys(want.findings[i] ?? { rule: 0, level: 0, location: 0 }) as (keyof Finding)[];
      return Object.fromEntries(keys.map((key) => [key, f[key]]));
    });
    expect(got).toEqual(want.findings);
    expect(exitCodeFor(findings, "breaking")).toBe(want.exitCode);
  });
});

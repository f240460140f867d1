/**
 * What the fault tests share: a temporary copy of this repo's spec with a built `generated/`
 * (no docs), a CLI run that is killed if it overruns, and a check that a run changed nothing.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, onTestFinished } from "vitest";
import type { BuildOptions } from "../../scripts/build/index.js";
import { bin, copySpec, hashTree, repoRoot, type Run } from "../helpers/cli.js";
import { markerName } from "../../scripts/build/output.js";

export interface Project {
  dir: string;
  spec: string;
  out: string;
  /** Writes a file of the copy (relative to the project folder). */
  write(relative: string, text: string | Buffer): string;
  /** Edits a file of the copy; the edit must change it. */
  edit(relative: string, change: (text: string) => string): void;
  /** The entries of the project folder whose names start with `generated.` (staging, old outputs). */
  leftovers(): string[];
}

/**
 * A copy of openapi/ and the configs, with this repo's built generated/ (docs left out) beside it, and its
 * package.json, whose build script the do-not-edit lines name: a build of the copy makes the same bytes.
 */
export function project(prefix: string): Project {
  const work = copySpec(prefix);
  fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(work.dir, "package.json"));
  fs.cpSync(path.join(repoRoot, "generated"), work.out, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}docs`),
  });
  // As a build without docs leaves it: its marker lists no docs either.
  const marker = path.join(work.out, markerName);
  const listed = fs.readFileSync(marker, "utf8").split("\n");
  fs.writeFileSync(marker, listed.filter((line) => !line.startsWith("docs/")).join("\n"));
  // Removed when the test that made it ends, or after the file's tests when made outside one (a hook
  // registered inside a running test with afterAll never runs).
  const remove = () => fs.rmSync(work.dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return {
    ...work,
    write(relative, text) {
      const file = path.join(work.dir, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    edit(relative, change) {
      const file = path.join(work.dir, relative);
      const before = fs.readFileSync(file, "utf8");
      const after = change(before);
      expect(after, `the edit of ${relative} changes nothing`).not.toBe(before);
      fs.writeFileSync(file, after);
    },
    leftovers: () => fs.readdirSync(work.dir).filter((name) => name.startsWith("generated.")),
  };
}

/** The options of an in-process build of a project copy, without docs, as `build <copy>/openapi --no-docs` runs. */
export const buildOptionsOf = (work: Project, log: (line: string) => void = () => {}): BuildOptions => ({
  spec: work.spec,
  out: work.out,
  ruleset: path.join(work.dir, ".spectral.yaml"),
  redoclyConfig: path.join(work.dir, "redocly.yaml"),
  docs: false,
  log,
});

/** Runs the CLI in `cwd`; kills it after `limitMs` (a run that needs that long is the defect). */
export function runLimited(
  args: string[],
  cwd: string,
  limitMs = 30_000,
  env: NodeJS.ProcessEnv = {},
): Promise<Run & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === "SIGKILL" ? -9 : -1), stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The run failed as bad input must: exit `code`, stderr's lines match `lines` exactly, no stack trace. */
export function expectRefusal(run: Run, code: number, lines: RegExp[]): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  const got = run.stderr.trim().split("\n");
  expect(got.length, run.stderr).toBe(lines.length);
  for (const [i, line] of lines.entries()) expect(got[i]).toMatch(line);
  expect(run.code, run.stderr).toBe(code);
}

/** Runs `act` and expects the tree below `dir` to be byte-identical afterwards. */
export async function expectUntouched<T>(dir: string, act: () => Promise<T>): Promise<T> {
  const before = hashTree(dir);
  const result = await act();
  expect(hashTree(dir), `${dir} changed`).toBe(before);
  return result;
}

import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = path.join(repoRoot, "bin", "error-contracts.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and returns its exit code and output; never throws on a non-zero exit. */
export function runCommand(file: string, args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the error-contracts CLI. */
export function runCli(args: string[], cwd = repoRoot): Promise<Run> {
  return runCommand(process.execPath, [bin, ...args], cwd);
}

/** A hash of every file's path and bytes below `dir`: equal hashes, byte-identical trees. */
export function hashTree(dir: string): string {
  const hash = createHash("sha256");
  if (!fs.existsSync(dir)) return "absent";
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * Into `dir`: what a project using the toolkit has beside its spec: the configs, the ruleset and
 * the OpenAPI model its functions import (no fixtures, no tests).
 */
export function copyToolkitSetup(dir: string): void {
  for (const file of [".spectral.yaml", "redocly.yaml"])
    fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
  fs.cpSync(path.join(repoRoot, "spectral"), path.join(dir, "spectral"), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}fixtures`),
  });
  fs.cpSync(path.join(repoRoot, "src", "openapi"), path.join(dir, "src", "openapi"), {
    recursive: true,
    filter: (src) => !src.endsWith(".test.ts"),
  });
}

/** A temporary copy of this repo's `openapi/` (with its configs and ruleset), to break or extend in a test. */
export function copySpec(prefix: string): { dir: string; spec: string; out: string } {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), `${prefix}-`));
  fs.cpSync(path.join(repoRoot, "openapi"), path.join(dir, "openapi"), { recursive: true });
  copyToolkitSetup(dir);
  return { dir, spec: path.join(dir, "openapi"), out: path.join(dir, "generated") };
}

/**
 * The child processes of `parent` (default: this process) whose command line matches `pattern`: pgrep's output, a
 * pid a line ("" for none).
 */
export const childrenMatching = (pattern: string, parent = process.pid): string =>
  spawnSync("pgrep", ["-P", String(parent), "-f", pattern], { encoding: "utf8" }).stdout;

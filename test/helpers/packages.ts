/**
 * Projects of a team's own, installing what `npm pack` makes of this repo's packages: the pack, the
 * install (from the npm cache where it can, else the registry), `tsc --strict` on a project's file.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { repoRoot, runCommand, type Run } from "./cli.js";

export const npmEnv = { SCARF_ANALYTICS: "false" };
// --prefer-offline: the npm cache when it holds a package's metadata and tarball, the registry otherwise.
// (--offline failed with ENOTCACHED after `npm ci` with an empty cache: the tarballs' dependencies must be
// resolved from registry metadata, which `npm ci` never fetches since it reads the lockfile.)
export const installFlags = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];

/** A new project folder under `dir` with a package.json and `files`, and `npm install` of `tarballs` in it. */
export async function installedProject(
  dir: string,
  name: string,
  files: Record<string, string>,
  tarballs: string[],
): Promise<{ project: string; install: Run }> {
  const project = path.join(dir, name);
  const packageJson = { name, version: "1.0.0", private: true, type: "module" };
  for (const [file, text] of Object.entries({ "package.json": JSON.stringify(packageJson), ...files })) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
  return { project, install: await runCommand("npm", ["install", ...tarballs, ...installFlags], project, npmEnv) };
}

/** The test that an install went through. */
export const itInstalls = (install: () => Run) =>
  it("installs", () => {
    expect(install().stderr).not.toMatch(/npm error/);
    expect(install().code).toBe(0);
  });

/** `tsc --strict` on one file of a project, as a browser-or-Node consumer compiles: the DOM's fetch, no @types/node. */
export async function compile(project: string, file: string, outDir?: string) {
  const compilerOptions = {
    strict: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2022", "dom"],
    types: [],
    skipLibCheck: true,
    ...(outDir ? { outDir, rootDir: "." } : { noEmit: true }),
  };
  fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: [file] }));
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  return runCommand(process.execPath, [tsc, "-p", "."], project);
}

/**
 * `npm pack` of the named workspaces (and the root, with `root`) into `dir`: each package's tarball by
 * name. One pack at a time across test files: each package's prepack compiles its dist/, and two at
 * once would race on it (a lock folder beside the repo's node_modules, waited for).
 */
export async function pack(dir: string, workspaces: string[], root: boolean): Promise<Map<string, string>> {
  const args = ["pack", ...workspaces.flatMap((w) => ["-w", w]), ...(root ? ["--include-workspace-root"] : [])];
  const lock = path.join(repoRoot, "node_modules", ".cache", "error-contracts-pack.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() - started > 300_000) throw error;
    }
  }
  let run: Run;
  try {
    run = await runCommand("npm", [...args, "--pack-destination", dir, "--json"], repoRoot, npmEnv);
  } finally {
    fs.rmdirSync(lock);
  }
  expect(run.code, run.stderr).toBe(0);
  const tarballs = new Map<string, string>();
  for (const { name, filename } of JSON.parse(run.stdout) as { name: string; filename: string }[])
    tarballs.set(name, path.join(dir, filename));
  return tarballs;
}

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCommand } from "./helpers/cli.js";
import { scratchDir } from "./helpers/scratch.js";

// A copy of the command (bin/, scripts/, spectral/ and the OpenAPI model in src/openapi/ they import) using this repo's packages, with its bundles in a
// folder of its own: what bin/error-contracts.js makes, reuses and makes again.
const { dir } = scratchDir("bin");
const toolkit = path.join(dir, "toolkit");
fs.cpSync(path.join(repoRoot, "bin"), path.join(toolkit, "bin"), { recursive: true });
for (const file of ["package.json", "redocly.yaml", ".spectral.yaml"])
  fs.copyFileSync(path.join(repoRoot, file), path.join(toolkit, file));
fs.cpSync(path.join(repoRoot, "scripts"), path.join(toolkit, "scripts"), {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}fixtures`),
});
fs.cpSync(path.join(repoRoot, "spectral"), path.join(toolkit, "spectral"), {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}fixtures`),
});
fs.cpSync(path.join(repoRoot, "src", "openapi"), path.join(toolkit, "src", "openapi"), { recursive: true });
// Its own node_modules: a link to each of this repo's packages, and a cache folder of its own.
fs.mkdirSync(path.join(toolkit, "node_modules"));
for (const name of fs.readdirSync(path.join(repoRoot, "node_modules")).filter((name) => name !== ".cache")) {
  fs.symlinkSync(path.join(repoRoot, "node_modules", name), path.join(toolkit, "node_modules", name));
}
const bundles = path.join(toolkit, "node_modules", ".cache", "error-contracts");
const run = (args: string[]) =>
  runCommand(process.execPath, [path.join(toolkit, "bin", "error-contracts.js"), ...args], dir);
const help = () => run(["help"]);
const made = () =>
  fs.existsSync(bundles)
    ? fs
        .readdirSync(bundles)
        .filter((name) => /^cli-[0-9a-f]{16}$/.test(name))
        .sort()
    : [];

describe("bin/error-contracts.js", () => {
  it("bundles scripts/ on first use, split per command, and runs the bundle", async () => {
    const run = await help();
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Usage: error-contracts <command>/);
    expect(made()).toHaveLength(1);
    const files = fs.readdirSync(path.join(bundles, made()[0]!));
    expect(files).toContain("cli.mjs");
    // The build command, and the build it imports only where it builds in its own process (not through the daemon).
    expect(files.filter((file) => file.startsWith("build-"))).toHaveLength(2);
  });

  it("runs the same bundle again while scripts/ is unchanged", async () => {
    const [before] = made();
    const stamp = fs.statSync(path.join(bundles, before!, "cli.mjs")).mtimeMs;
    expect((await help()).code).toBe(0);
    expect(made()).toEqual([before]);
    expect(fs.statSync(path.join(bundles, before!, "cli.mjs")).mtimeMs).toBe(stamp);
  });

  it("bundles again after an edit of a script, and runs the edit", async () => {
    const cli = path.join(toolkit, "scripts", "run.ts");
    fs.writeFileSync(
      cli,
      fs
        .readFileSync(cli, "utf8")
        .replace(
          '"Usage: error-contracts <command> [options]"',
          '"Usage (edited): error-contracts <command> [options]"',
        ),
    );
    const run = await help();
    expect(run.stdout).toMatch(/^Usage \(edited\): error-contracts/);
    expect(made()).toHaveLength(2);
  });

  it("bundles again after an edit of a file outside scripts/ that the bundle holds", async () => {
    const helper = path.join(toolkit, "src", "openapi", "pointer.js");
    fs.appendFileSync(helper, "\n// edited\n");
    expect((await help()).stdout).toMatch(/^Usage \(edited\)/);
    expect(made()).toHaveLength(3);
  });

  it("runs a command that loads the tools from the bundle", async () => {
    const lint = await run(["lint", path.join(repoRoot, "openapi", "sales", "openapi.yaml"), "--format", "json"]);
    expect(lint).toMatchObject({ code: 0, stdout: "[]\n" });
  });

  it("runs the sources through tsx where no bundle can be written", async () => {
    fs.rmSync(path.join(toolkit, "node_modules", ".cache"), { recursive: true });
    fs.writeFileSync(path.join(toolkit, "node_modules", ".cache"), "a file where the cache folder would go");
    const ran = await help();
    expect(ran.stdout).toMatch(/^Usage \(edited\): error-contracts/);
    expect(ran.stderr).toBe("");
  });
});

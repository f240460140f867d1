/**
 * `error-contracts init`, in-process: each error shape it offers scaffolds its files; what exists is
 * never overwritten; bad answers are one line. That each shape lints clean, builds, and gives a client
 * that works against the mock is test/own-api.test.ts, from the packed tarballs.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashTree, repoRoot } from "./helpers/cli.js";
import { runInProcess } from "./helpers/in-process.js";
import { scratchDir } from "./helpers/scratch.js";

const { dir } = scratchDir("init");

/**
 * The files below `folder`, as paths relative to it, outside `node_modules` (there, the toolkit is a link to this
 * repo, whose caches other tests write and remove meanwhile).
 */
function filesBelow(folder: string, at = ""): string[] {
  return fs.readdirSync(path.join(folder, at), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(at, entry.name);
    if (entry.name === "node_modules") return [];
    return entry.isDirectory() ? filesBelow(folder, relative) : [relative];
  });
}

/** A project folder with the toolkit where an install puts it. */
function project(name: string): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(path.join(folder, "node_modules"), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(folder, "node_modules", "error-contracts"));
  return folder;
}

describe("error-contracts init", () => {
  it.each(["problem", "envelope", "flat"])(
    "scaffolds the %s shape: a root, its components, rulesets, scripts",
    async (style) => {
      const folder = project(style);
      const init = await runInProcess([
        "init",
        folder,
        "--style",
        style,
        "--api",
        "pets",
        "--code",
        "PET_GONE",
        "--status",
        "410",
      ]);
      expect(init.stderr).toBe("");
      expect(init.code).toBe(0);
      expect(init.stdout).toContain("code PET_GONE (410)");
      const files = filesBelow(folder).filter((f) => f.endsWith(".yaml") || f.endsWith(".json") || f.endsWith(".md"));
      expect(files).toEqual(
        expect.arrayContaining([
          ".spectral.yaml",
          "redocly.yaml",
          "package.json",
          "README.md",
          path.join("openapi", "pets", "openapi.yaml"),
          path.join("openapi", "components", "schemas", "pets", "PetsError.yaml"),
          path.join("openapi", "components", "responses", "pets", "Pets410.yaml"),
          path.join("openapi", "components", "examples", "pets", "PetsPetGone.yaml"),
        ]),
      );
      const schema = fs.readFileSync(
        path.join(folder, "openapi", "components", "schemas", "pets", "PetsError.yaml"),
        "utf8",
      );
      expect(schema).toContain("x-error-shape:");
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
      expect(Object.keys(manifest.scripts)).toEqual(["build", "lint", "diff", "docs:serve", "mock"]);
    },
  );

  it("scaffolds a Retry-After the 429 requires: its removal is breaking to diff, as it is an error to lint", async () => {
    const folder = project("retry-after");
    const init = await runInProcess(["init", folder, "--api", "pets", "--code", "PET_GONE", "--status", "410"]);
    expect(init.code).toBe(0);
    const changed = path.join(dir, "retry-after-removed");
    fs.cpSync(folder, changed, { recursive: true, verbatimSymlinks: true });
    const response = path.join(changed, "openapi", "components", "responses", "pets", "Pets429.yaml");
    const before = fs.readFileSync(response, "utf8");
    fs.writeFileSync(response, before.replace(/^headers:\n(?: {2}.*\n)+/m, ""));
    expect(fs.readFileSync(response, "utf8")).not.toContain("Retry-After:");
    const root = (project: string) => path.join(project, "openapi", "pets", "openapi.yaml");
    const diff = await runInProcess(["diff", root(folder), root(changed)]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/breaking +header-removed +response Pets429 header Retry-After: the required header/);
  });

  it("writes nothing when a file it would write exists, and says which", async () => {
    const folder = project("taken");
    fs.writeFileSync(path.join(folder, "redocly.yaml"), "# mine\n");
    const before = hashTree(folder);
    const run = await runInProcess(["init", folder]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/redocly\.yaml exists: init writes only new files .* nothing written/);
    expect(hashTree(folder)).toBe(before);
  });

  it("adds its scripts to a package.json that exists, keeping the file's own", async () => {
    const folder = project("existing");
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "mine", scripts: { build: "make" } }));
    const run = await runInProcess(["init", folder]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('added the scripts lint, diff, docs:serve, mock; "type": "module"');
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
    expect(manifest).toMatchObject({
      name: "mine",
      type: "module",
      scripts: { build: "make", mock: "error-contracts mock existing" },
    });
  });

  it("leaves the module type of a package with an entry point as it is", async () => {
    const folder = project("library");
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "lib", main: "index.js" }));
    const run = await runInProcess(["init", folder, "--code", "30011", "--status", "400"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('"type"');
    expect(JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")).type).toBeUndefined();
    // A code of digits stays a string, as the shape's codeType says.
    const example = fs.readFileSync(path.join(folder, "openapi/components/examples/library/Library30011.yaml"), "utf8");
    expect(example).toContain('code: "30011"');
  });

  it("takes an id with digits, as the build names APIs (github-v3-rest-api), from --api or the folder's name", async () => {
    const given = project("given");
    expect((await runInProcess(["init", given, "--api", "pets2"])).code).toBe(0);
    expect(fs.existsSync(path.join(given, "openapi", "pets2", "openapi.yaml"))).toBe(true);
    const named = project("My_Pets2");
    expect((await runInProcess(["init", named])).code).toBe(0);
    expect(fs.existsSync(path.join(named, "openapi", "my-pets2", "openapi.yaml"))).toBe(true);
    const accented = project("Café API");
    expect((await runInProcess(["init", accented])).code).toBe(0);
    expect(fs.existsSync(path.join(accented, "openapi", "cafe-api", "openapi.yaml"))).toBe(true);
  });

  it.each([
    [["--style", "xml"], "--style must be one of problem, envelope, flat"],
    [["--api", "Pets"], "--api must be lower case letters, digits and hyphens"],
    [["--api", "2pets"], "--api must be lower case letters, digits and hyphens, starting with a letter"],
    [["--code", "not found"], "--code must be letters, digits, _ . or -"],
    [["--status", "200"], "--status must be one of 400, 401"],
  ])("refuses %j in one line, writing nothing", async (flags, message) => {
    const folder = path.join(dir, "refused");
    const run = await runInProcess(["init", folder, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(fs.existsSync(folder)).toBe(false);
  });
});

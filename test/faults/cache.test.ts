/**
 * The cache answers "up to date" only when a cold build would give the same bytes and the same
 * problems: it keys on the bytes the build read (when it read them), and on the listing of
 * components/ that the catalog's checks read.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../scripts/build/index.js";
import { InputRejected } from "../../scripts/core/problems.js";
import { hashTree } from "../helpers/cli.js";
import { buildOptionsOf, project, type Project } from "./project.js";

/** In-process builds with a cache of their own. */
const options = (work: Project, log: (line: string) => void = () => {}): BuildOptions => ({
  ...buildOptionsOf(work, log),
  // A cache of its own in the copy's folder, removed with it.
  cacheDir: fs.mkdtempSync(path.join(work.dir, "cache-")),
});

const example = "openapi/components/examples/sales/SalesRecordNotFound.yaml";

describe("a file saved while the build runs", () => {
  it("is built by the next build, which matches a --force build", async () => {
    const work = project("faults-save");
    const settings = options(work);
    await build(settings);
    work.edit(example, (text) => text.replace("Refresh the record reference", "Look the record up again"));
    // The save lands after the bundle step read the file and before the build records anything.
    await build({
      ...settings,
      log: (line) => {
        if (line.startsWith("bundle"))
          work.edit(example, (text) => text.replace("Look the record up again", "Saved mid-build"));
      },
    });
    const lines: string[] = [];
    const next = await build({ ...settings, log: (line) => lines.push(line) });
    expect(next.upToDate, lines.join("\n")).toBe(false);
    expect(next.rebuilt).toEqual(["sales"]);
    expect(fs.readFileSync(path.join(work.out, "catalog.json"), "utf8")).toContain("Saved mid-build");
    const incremental = hashTree(work.out);
    await build({ ...settings, force: true });
    expect(hashTree(work.out)).toBe(incremental);
  });
});

describe("another spec folder built into the same output", () => {
  it("is built, not taken from the cache of the first", async () => {
    const work = project("faults-two-specs");
    // Without translations: their file names were the only trace of the spec's path in the key.
    fs.rmSync(path.join(work.spec, "i18n"), { recursive: true });
    const settings = options(work);
    await build(settings);
    const other = path.join(work.dir, "other", "openapi");
    fs.cpSync(work.spec, other, { recursive: true });
    const root = path.join(other, "messaging", "openapi.yaml");
    fs.writeFileSync(root, fs.readFileSync(root, "utf8").replace(/^( {2}title: ).*$/m, "$1Other messaging"));
    const next = await build({ ...settings, spec: other });
    expect(next.upToDate).toBe(false);
    expect(next.rebuilt).toEqual(["messaging", "partner", "referrals", "sales"]);
    expect(fs.readFileSync(path.join(work.out, "messaging", "openapi.yaml"), "utf8")).toContain("Other messaging");
  });
});

describe("another build script in the project's package.json", () => {
  it("rebuilds: every do-not-edit line names the command that now remakes the files", async () => {
    const work = project("faults-rebuild-command");
    const settings = options(work);
    await build(settings);
    const header = () => fs.readFileSync(path.join(work.out, "sales", "client.ts"), "utf8").split("\n")[0];
    expect(header()).toMatch(/run `npm run build`\.$/);
    work.write("package.json", JSON.stringify({ scripts: { "api:build": "error-contracts build openapi" } }));
    const next = await build(settings);
    expect(next.upToDate).toBe(false);
    expect(header()).toMatch(/run `npm run api:build`\.$/);
  });
});

describe("the catalog's checks on a warm cache", () => {
  it.each([
    ["an example that no response lists", "Referrals99929.yaml", (text: string) => text],
    [
      "an unlisted example that repeats a code",
      "Referrals99930.yaml",
      (text: string) => text.replace('code: "99919"', 'code: "99911"'),
    ],
  ])("%s fails the build as it would cold", async (_name, file, change) => {
    const work = project("faults-catalog");
    const settings = options(work);
    await build(settings);
    const source = path.join(work.spec, "components/examples/referrals/Referrals99919.yaml");
    work.write(`openapi/components/examples/referrals/${file}`, change(fs.readFileSync(source, "utf8")));
    const before = hashTree(work.out);
    const failure = await build(settings).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputRejected);
    expect((failure as InputRejected).problems.map((p) => `${path.basename(p.file)} ${p.rule}: ${p.message}`)).toEqual([
      `${file} catalog: example ${file.replace(".yaml", "")} is not listed under any response: add it to the response of its status`,
    ]);
    expect(hashTree(work.out)).toBe(before);
  });
});

describe("a change to the ruleset's own files", () => {
  it("is a change: a function of the ruleset the build used is edited, the next build lints again", async () => {
    const work = project("faults-ruleset");
    const settings = options(work);
    await build(settings);
    expect((await build(settings)).upToDate).toBe(true);
    work.edit("spectral/functions/ec-retry-after-429.js", (text) => `${text}\n// edited\n`);
    const next = await build(settings);
    expect(next.upToDate).toBe(false);
    expect(next.rebuilt).toEqual(["messaging", "partner", "referrals", "sales"]);
  });
});

describe("up to date", () => {
  it("prints the warnings a cold build prints", async () => {
    const work = project("faults-warnings");
    // A 503 without Retry-After is a warning of the ruleset, not an error, where the error shape
    // does not promise Retry-After on 503.
    work.edit("openapi/components/responses/referrals/Referrals503.yaml", (text) =>
      text.replace(/^headers:\n(?: .*\n)+/m, ""),
    );
    work.edit("openapi/components/schemas/referrals/ReferralsErrorResponse.yaml", (text) =>
      text.replace("retryAfter: [429, 503]", "retryAfter: [429]"),
    );
    const settings = options(work);
    const cold: string[] = [];
    const first = await build({ ...settings, log: (line) => cold.push(line) });
    expect(first.warnings.length).toBeGreaterThan(0);
    const lines: string[] = [];
    const cached = await build({ ...settings, log: (line) => lines.push(line) });
    expect(cached.upToDate).toBe(true);
    const warningsOf = (log: string[]) => log.filter((line) => / warning /.test(line));
    expect(warningsOf(lines)).toEqual(warningsOf(cold));
    // As error lines are: relative to where the command runs, never absolute.
    expect(warningsOf(cold).filter((line) => line.startsWith("  /"))).toEqual([]);
  });
});

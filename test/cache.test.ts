/** The build cache never serves stale output. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashFile } from "../scripts/core/cache.js";
import { copySpec } from "./helpers/cli.js";
import { runInProcess } from "./helpers/in-process.js";

const apis = ["messaging", "partner", "referrals", "sales"];
const perApi = (api: string) => [`${api}/openapi.yaml`, `${api}/types.ts`, `${api}/client.ts`, `docs/${api}.html`];

// In-process: the same command line as `error-contracts build <copy>/openapi`, without a process start per build.
describe("the build cache", () => {
  let work: ReturnType<typeof copySpec>;
  const hashes = () =>
    Object.fromEntries(apis.flatMap(perApi).map((file) => [file, hashFile(path.join(work.out, file))]));
  beforeAll(async () => {
    work = copySpec("cache");
    const cold = await runInProcess(["build", work.spec]);
    expect(cold.stderr).toBe("");
    expect(cold.stdout).toMatch(/^built 4 of 4 APIs/m);
  });
  afterAll(() => fs.rmSync(work.dir, { recursive: true, force: true }));

  it("with nothing changed, only hashes and says so", async () => {
    const before = hashes();
    const run = await runInProcess(["build", work.spec]);
    expect(run.stdout.trim()).toBe("up to date: 4 APIs, nothing changed in openapi (--force rebuilds)");
    expect(hashes()).toEqual(before);
  });

  it("rebuilds every API when a component all of them use changes, and every affected output changes", async () => {
    const before = hashes();
    const header = path.join(work.spec, "components", "headers", "RetryAfter.yaml");
    fs.writeFileSync(header, fs.readFileSync(header, "utf8").replace("How long to wait", "How long a client waits"));
    const run = await runInProcess(["build", work.spec]);
    expect(run.stdout).toMatch(/^built 4 of 4 APIs/m);
    const after = hashes();
    for (const api of apis) {
      for (const file of [`${api}/openapi.yaml`, `docs/${api}.html`]) expect(after[file], file).not.toBe(before[file]);
      expect(fs.readFileSync(path.join(work.out, api, "openapi.yaml"), "utf8")).toContain("How long a client waits");
    }
  });

  it("rebuilds only the API whose source changed", async () => {
    const before = hashes();
    const example = path.join(work.spec, "components", "examples", "sales", "SalesRecordNotFound.yaml");
    fs.writeFileSync(
      example,
      fs.readFileSync(example, "utf8").replace("Refresh the record reference", "Look the record up again"),
    );
    const run = await runInProcess(["build", work.spec]);
    expect(run.stdout).toMatch(/^cached {3}messaging, partner, referrals unchanged; rebuilding sales$/m);
    expect(run.stdout).toMatch(/^built 1 of 4 APIs/m);
    const after = hashes();
    for (const file of perApi("messaging")) expect(after[file], file).toBe(before[file]);
    expect(after["sales/openapi.yaml"]).not.toBe(before["sales/openapi.yaml"]);
    expect(fs.readFileSync(path.join(work.out, "catalog.json"), "utf8")).toContain("Look the record up again");
  });

  it("rebuilds a generated file that was deleted", async () => {
    const file = path.join(work.out, "referrals", "types.ts");
    const before = fs.readFileSync(file, "utf8");
    fs.rmSync(file);
    const run = await runInProcess(["build", work.spec]);
    expect(run.stdout).toMatch(/rebuilding referrals$/m);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("--force rebuilds everything", async () => {
    const run = await runInProcess(["build", work.spec, "--force", "--no-docs"]);
    expect(run.stdout).toMatch(/^built 4 of 4 APIs/m);
  });
});

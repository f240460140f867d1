import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../test/helpers/cli.js";

// The command serving an API is tested end to end in test/prism.test.ts (npm run mock).
describe("error-contracts mock: bad arguments", () => {
  const cases: { args: string[]; stderr: RegExp }[] = [
    {
      args: ["mock", "nope"],
      stderr: /^error-contracts: unknown API "nope": one of messaging, partner, referrals, sales\n$/,
    },
    {
      args: ["mock", "sales", "--port", "70000"],
      stderr: /^error-contracts: --port must be an integer 0–65535, not "70000"\n$/,
    },
    { args: ["mock"], stderr: /^error-contracts: mock takes one API: messaging, partner, referrals, sales\n$/ },
  ];
  it.each(cases)("error-contracts $args: one line, exit 2", async ({ args, stderr }) => {
    const run = await runCli(args);
    expect(run.stderr).toMatch(stderr);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
  });
});

describe("error-contracts mock from a folder without generated/ (a project's subfolder)", () => {
  it("says there is no generated/ here, and that the APIs it lists are the toolkit's own", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mock-elsewhere-"));
    try {
      const run = await runCli(["mock", "orders"], dir);
      expect(run.stderr).toBe(
        "error-contracts: unknown API \"orders\": no generated/ here (run from the project's folder, after its build); the toolkit's own examples are messaging, partner, referrals, sales\n",
      );
      expect(run.code).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Before any test reads generated/, rebuild it in place once (as `npm run build` does) and
 * record what the build printed and what git then says of generated/. The drift test asserts
 * on that record; the other tests read the fresh output without racing a build.
 */
import type { TestProject } from "vitest/node";
import { runCli, runCommand, type Run } from "./helpers/cli.js";

declare module "vitest" {
  export interface ProvidedContext {
    rebuild: { build: Run; gitStatus: Run };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const build = await runCli(["build", "--force"]);
  const gitStatus = await runCommand("git", ["status", "--porcelain", "--", "generated/"]);
  project.provide("rebuild", { build, gitStatus });
}

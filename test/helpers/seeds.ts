/**
 * The reference pages the contracts were written from: `../shared/seeds/` beside the repo. A clone
 * anywhere else has no such folder; the tests that read it are then skipped, saying so in one line.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./cli.js";

export const seedsDir = path.resolve(repoRoot, "..", "shared", "seeds");
export const haveSeeds = fs.existsSync(seedsDir);
/** Why a test that reads the seeds is skipped. */
export const noSeeds = `no seeds at ${seedsDir} (../shared/seeds is not beside this clone)`;

/**
 * The text of the seed whose file name starts with `prefix` (`000`, `001`…). Without the seeds it is
 * "": vitest still runs the body of a skipped `describe` to list its tests, which then do not run.
 */
export function readSeed(prefix: string): string {
  if (!haveSeeds) return "";
  const file = fs.readdirSync(seedsDir).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no seed ${prefix}_* in ${seedsDir}`);
  return fs.readFileSync(path.join(seedsDir, file), "utf8");
}

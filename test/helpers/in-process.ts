import { runCommandLine } from "../../scripts/run.js";
import type { Run } from "./cli.js";

/**
 * Runs an `error-contracts` command line inside the test's process, as the CLI would from the repo
 * root, and collects what it printed: no process start, and the tools it loads stay loaded for the
 * next case. For what a process adds (signals, exit codes of the process itself, the bin's bundle),
 * tests spawn the real CLI instead.
 */
export async function runInProcess(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCommandLine(args, {
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
  });
  return { code, stdout, stderr };
}

import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository holding `dir`, and the path of `dir` in it. */
export async function gitLocation(dir: string): Promise<{ top: string; relative: string }> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir });
    const top = stdout.trim();
    return { top, relative: path.relative(top, path.resolve(dir)).split(path.sep).join("/") };
  } catch {
    throw new Error(`${dir}: not in a git checkout, so --base cannot be read`);
  }
}

/** Writes `relative` as it is at `ref` into a fresh temporary folder; returns that folder. */
export async function checkoutAt(top: string, ref: string, relative: string): Promise<string> {
  try {
    await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: top });
  } catch {
    throw new Error(`base ref "${ref}" does not exist in ${top}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "error-contracts-base-"));
  await new Promise<void>((resolve, reject) => {
    const archive = spawn("git", ["archive", "--format=tar", ref, "--", relative || "."], {
      cwd: top,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tar = spawn("tar", ["-x", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    archive.stderr.on("data", (c) => (stderr += c));
    tar.stderr.on("data", (c) => (stderr += c));
    archive.stdout.pipe(tar.stdin);
    tar.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`git archive ${ref} -- ${relative}: ${stderr.trim().split("\n")[0] ?? "failed"}`)),
    );
  });
  return dir;
}

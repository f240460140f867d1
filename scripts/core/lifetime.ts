import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What a command undoes when it is stopped part-way: Ctrl-C (SIGINT), SIGTERM, SIGHUP, or a reader
 * that closed its end of stdout (`error-contracts build | head -1`). Each piece of work that leaves
 * something behind while it runs (a staging folder, a child process) registers a synchronous
 * cleanup for as long as it runs; a stop runs them all and exits. While nothing is registered, the
 * process keeps Node's own signal behaviour (and a command's own handlers, such as `serve`'s).
 */

const cleanups = new Set<() => void>();
const signals: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const handlers = new Map(Object.entries(signals).map(([signal, code]) => [signal, () => stop(code)]));

/** Runs every registered cleanup (each once, whatever the others do) and exits with `code`. */
export function stop(code: number): never {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // The others still run: a cleanup that fails leaves only its own thing behind.
    }
  }
  cleanups.clear();
  process.exit(code);
}

/** Registers `cleanup` until the returned function is called. */
export function untilDone(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const [signal, handler] of handlers) process.on(signal, handler);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/**
 * A closed stdout or stderr ends the command quietly (as SIGPIPE ends a C program: exit 141) after
 * its cleanups, instead of an EPIPE stack trace.
 */
export function endQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") stop(141);
      throw error;
    });
  }
}

/** Loaded into each child Node process: it ends itself when its parent is gone, even after a `kill -9`. */
const orphanGuard = path.join(path.dirname(fileURLToPath(import.meta.url)), "orphan-guard.cjs");

/**
 * Runs a Node script as a child process that does not outlive this one: it is killed when this
 * process is stopped, and ends by itself if this process dies without a word.
 */
export function runNode(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; maxBuffer?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--require", orphanGuard, script, ...args],
      options,
      (error, stdout, stderr) => {
        done();
        if (error) reject(Object.assign(error, { stdout, stderr }));
        else resolve({ stdout, stderr });
      },
    );
    const done = untilDone(() => child.kill("SIGKILL"));
  });
}

import { type ChildProcess, execFile, fork, spawn } from "node:child_process";
import os from "node:os";
import type { Socket } from "node:net";

/**
 * What a command undoes when it is stopped part-way: Ctrl-C (SIGINT), SIGTERM, SIGHUP, or a reader
 * that closed its end of stdout (`error-contracts build | head -1`). Each piece of work that leaves
 * something behind while it runs (a staging folder, a child process) registers a synchronous
 * cleanup for as long as it runs; a stop runs them all and exits. While nothing is registered, the
 * process keeps Node's own signal behaviour (and a command's own handlers, such as `serve`'s).
 */

const cleanups = new Set<() => void>();
/** The cleanups that kill a child process: they run first, so that no child writes into a folder removed before. */
const kills = new WeakSet<() => void>();
const signals: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const handlers = new Map(Object.entries(signals).map(([signal, code]) => [signal, () => stop(code)]));

/**
 * Runs every registered cleanup (each once, whatever the others do), the children's kills first, then the rest
 * newest first, and exits with `code`.
 */
export function stop(code: number): never {
  const newestFirst = [...cleanups].reverse();
  for (const cleanup of [...newestFirst.filter((c) => kills.has(c)), ...newestFirst.filter((c) => !kills.has(c))]) {
    try {
      cleanup();
    } catch {
      // The others still run: a cleanup that fails leaves only its own thing behind.
    }
  }
  cleanups.clear();
  process.exit(code);
}

/** Kills `child` if this process is stopped (before the other cleanups run), until the returned function is called. */
export function killOnStop(child: ChildProcess): () => void {
  const kill = () => child.kill("SIGKILL");
  kills.add(kill);
  return untilDone(kill);
}

/** Whether process `pid` is running (one of another user's counts). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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

/**
 * Ends `child` when this process is gone, even after a `kill -9` (which runs no cleanup): a shell
 * that waits on a pipe from this process. The system closes the pipe when this process ends,
 * however it ends; the shell then kills the child. When the child is done, `release` tells the
 * shell to leave quietly. It waits outside the child, so it fires even while the child is busy;
 * an earlier guard inside the child, on a worker thread, made `redocly build-docs` take four times
 * the memory (1.5 GB against 380 MB at 5,000 operations) and twice the time. Where there is no
 * `/bin/sh` (Windows), there is no guard.
 */
function guardAgainstOrphaning(child: ChildProcess): { release(): void } {
  if (process.platform === "win32" || child.pid === undefined) return { release() {} };
  const shell = spawn(
    "/bin/sh",
    ["-c", 'read -r done || kill -9 "$1" 2>/dev/null', "orphan-guard", String(child.pid)],
    { stdio: ["pipe", "ignore", "ignore"] },
  );
  shell.on("error", () => {}); // no shell: no guard
  shell.stdin.on("error", () => {}); // the shell already gone
  shell.unref();
  (shell.stdin as Socket).unref();
  return { release: () => shell.stdin.end("done\n") };
}

/**
 * Keeps `child` from outliving this process: it is killed when this process is stopped (with `stopKills` false,
 * only while its caller registers it: `killOnStop`), by its guard if this process dies without a word, and when
 * `signal` aborts. With `background`, it runs at a lower priority (nice 10 more than this process): the build's
 * renderers then take the CPU this process leaves, so that lint, which they run beside, reports as fast as alone
 * on a machine with few cores. `ended` ends the supervision.
 */
function supervise(
  child: ChildProcess,
  { signal, background, stopKills = true }: Omit<NodeOptions, "env">,
): { ended(): void } {
  const kill = () => child.kill("SIGKILL");
  const guard = guardAgainstOrphaning(child);
  const done = stopKills ? killOnStop(child) : () => {};
  signal?.addEventListener("abort", kill, { once: true });
  if (background && child.pid !== undefined) {
    try {
      os.setPriority(child.pid, Math.min(19, os.getPriority() + 10));
    } catch {
      // Not allowed here: it runs at the usual priority.
    }
  }
  let over = false;
  return {
    ended() {
      if (over) return;
      over = true;
      guard.release();
      done();
      signal?.removeEventListener("abort", kill);
    },
  };
}

interface NodeOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  background?: boolean;
  /**
   * false: a stop of this process (Ctrl-C, SIGTERM) kills the child only while its caller says it has work
   * (`killOnStop`); idle, it ends with this process (its IPC channel closes, the guard covers a `kill -9`), and
   * a command's own signal handlers keep working meanwhile (`serve` stops with exit code 0).
   */
  stopKills?: boolean;
}

/**
 * Runs a Node script as a child process that does not outlive this one (`supervise`); the promise
 * rejects once the process has ended (execFile's own `signal` answers before the process is gone).
 */
export function runNode(
  script: string,
  args: string[],
  options: NodeOptions & { maxBuffer?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  const { background, signal, stopKills, ...execOptions } = options;
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = execFile(process.execPath, [script, ...args], execOptions, (error, stdout, stderr) => {
      supervision.ended();
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
    const supervision = supervise(child, { signal, background, stopKills });
  });
}

/**
 * Starts a Node script as a child process that does not outlive this one (`supervise`), with an IPC
 * channel for messages (structured clones, as between threads: a `Date` stays one), no stdin or stdout,
 * and its stderr piped to this process (read it, or it fills).
 */
export function startNode(script: string, args: string[], options: NodeOptions = {}): ChildProcess {
  options.signal?.throwIfAborted();
  const child = fork(script, args, {
    execPath: process.execPath,
    execArgv: [],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    serialization: "advanced",
    ...(options.env ? { env: options.env } : {}),
  });
  const supervision = supervise(child, options);
  child.once("exit", () => supervision.ended());
  child.on("error", () => {
    if (child.pid === undefined) supervision.ended(); // never started: no exit will come (the caller hears the error too)
  });
  return child;
}

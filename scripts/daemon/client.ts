import { spawn } from "node:child_process";
import type { Io } from "../commands/command.js";
import { alive } from "../core/lifetime.js";
import { type DaemonStatus, exchange } from "./protocol.js";
import { daemonCommand, daemonKey, socketPath } from "./where.js";

/**
 * `build` with these arguments run by this toolkit's daemon, its lines printed through `io`: the exit code, or
 * undefined where the build is to run here: no daemon answers, it was started from other code (it then ends), or it
 * ended before it printed anything. A daemon that ends part-way through a build is one line and exit 2.
 */
export async function buildThroughDaemon(argv: string[], io: Io): Promise<number | undefined> {
  const socket = socketPath();
  if (!socket) return undefined;
  let exit: number | undefined;
  let printed = false;
  const outcome = await exchange(
    socket,
    { key: daemonKey(), build: { argv, cwd: process.cwd(), env: process.env, umask: process.umask() } },
    (reply) => {
      if ("out" in reply) io.out(reply.out);
      else if ("err" in reply) io.err(reply.err);
      else if ("exit" in reply) exit = reply.exit;
      else return;
      printed = true;
    },
  );
  if (outcome === "absent" || exit !== undefined || !printed) return exit;
  io.err("error-contracts: the build daemon ended during the build; run it again (or with --no-daemon)");
  return 2;
}

/**
 * Starts this toolkit's daemon in the background, in this folder, for the next build: detached from this process
 * and its terminal, its output nowhere. It loads the tools, then waits for builds; it ends on its own after a
 * while with nothing to do. One that finds another already listening ends at once.
 */
export function startDaemon(): void {
  if (!socketPath()) return; // no place for its socket: it could not listen
  const child = spawn(process.execPath, daemonCommand, { detached: true, stdio: "ignore", env: process.env });
  child.on("error", () => {}); // not started: the next build runs here too
  child.unref();
}

/** The status of this toolkit's daemon, or undefined where none answers. */
export async function daemonStatus(): Promise<DaemonStatus | undefined> {
  const socket = socketPath();
  if (!socket) return undefined;
  let status: DaemonStatus | undefined;
  await exchange(socket, { status: true }, (reply) => {
    if ("status" in reply) status = reply.status;
  });
  return status;
}

/**
 * Stops this toolkit's daemon once its current build is done, and resolves when it has: whether one was running.
 * One that has not stopped within `graceMs` (a build or its rendering process hung) gets SIGTERM, which runs its
 * cleanups as a stop does, then SIGKILL.
 */
export async function stopDaemon(graceMs = 10_000): Promise<boolean> {
  const socket = socketPath();
  const pid = (await daemonStatus())?.pid;
  if (!socket || pid === undefined) return false;
  let stopped = false;
  await exchange(
    socket,
    { stop: true },
    (reply) => {
      if ("stopped" in reply) stopped = true;
    },
    graceMs,
  );
  if (stopped) return true;
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    if (await gone(pid, 2000)) return true;
    try {
      process.kill(pid, signal);
    } catch {
      return true; // gone meanwhile
    }
  }
  return gone(pid, 5000);
}

/** Whether process `pid` has ended within `ms`. */
async function gone(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (!alive(pid)) return true;
    if (Date.now() >= until) return false;
  }
}

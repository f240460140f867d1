import { spawn } from "node:child_process";
import type { Io } from "../commands/command.js";
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

/** Stops this toolkit's daemon, once its current build is done, and resolves when it has: whether one was running. */
export async function stopDaemon(): Promise<boolean> {
  const socket = socketPath();
  if (!socket) return false;
  let stopped = false;
  await exchange(socket, { stop: true }, (reply) => {
    if ("stopped" in reply) stopped = true;
  });
  return stopped;
}

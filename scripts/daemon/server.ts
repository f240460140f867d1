import fs from "node:fs";
import net from "node:net";
import { format } from "node:util";
import type { Io } from "../commands/command.js";
import { stop, untilDone } from "../core/lifetime.js";
import { type DaemonStatus, type Request, exchange, readLines, send } from "./protocol.js";

export interface DaemonOptions {
  /** Where it listens (`socketPath`). */
  socket: string;
  /** The code it was started from (`daemonKey`): a build asked with another key is refused as stale. */
  key: string;
  /** How long it waits for a request before it ends. */
  idleMs: number;
  /** Loads the tools before the first build (failures are the first build's to report). */
  warm(): Promise<void>;
  /** Runs one build's command line, printing through `io`; resolves to its exit code. */
  build(argv: string[], io: Io): Promise<number>;
  /** Ends what it keeps between builds (the rendering process). */
  close(): Promise<void>;
}

/**
 * Listens at `socket`, unless a daemon already answers there (then undefined): the inode it listens on. It listens
 * at a name of its own first and links that to `socket` (a link fails where the name exists), so that the inode is
 * surely its own; a socket left by a daemon that died is replaced. Of two daemons that replace one at once, one may
 * remove the other's link: that one finds its socket's path is no longer its own and ends (`runDaemon`).
 */
async function listen(server: net.Server, socket: string): Promise<number | undefined> {
  const own = `${socket}.${process.pid}`;
  fs.rmSync(own, { force: true }); // a name of this pid's left by a process long gone
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(own, () => {
      server.off("error", reject);
      resolve();
    });
  });
  try {
    const { ino } = fs.statSync(own);
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(own, socket);
        return ino;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
        if ((await exchange(socket, { status: true }, () => {})) === "ended") break;
        fs.rmSync(socket, { force: true });
      }
    }
  } catch {
    // another daemon took the path meanwhile
  } finally {
    fs.rmSync(own, { force: true });
  }
  server.close();
  return undefined;
}

/**
 * The daemon: builds asked of it one at a time, each in the client's folder and environment, with the tools and
 * the rendering process it loaded once. A client that goes away part-way through its build (Ctrl-C) stops it
 * as a stop would stop the build in the client's own process: its cleanups run and the daemon ends. It ends
 * after `idleMs` without a request, when asked to, when a build comes from other code, or when its socket's path
 * is no longer its own; its socket goes with it. Each build runs with the client's folder, environment and file
 * mode mask; what it prints, `console` too, goes to the client.
 * Resolves to the exit code (0), or at once where another daemon listens.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one job, the server, its idle timer and its builds share the daemon's state
export async function runDaemon(options: DaemonOptions): Promise<number> {
  const server = net.createServer({ allowHalfOpen: false });
  const own = await listen(server, options.socket);
  if (own === undefined) return 0;
  // Only its own socket: a daemon started after it may listen at the same path already.
  const removeSocket = () => {
    if (fs.statSync(options.socket, { throwIfNoEntry: false })?.ino === own) fs.rmSync(options.socket, { force: true });
  };
  const done = untilDone(removeSocket);
  // A daemon that lost its socket's path (removed, or taken by another daemon that started at the same moment
  // and found no one listening yet) ends: no client can reach it any more.
  const lost = setInterval(() => {
    if (fs.statSync(options.socket, { throwIfNoEntry: false })?.ino !== own) shutdown();
  }, 2000);
  lost.unref();
  let ready = false;
  let served = 0;
  let ended: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    ended = resolve;
  });
  let idleUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    clearTimeout(timer);
    idleUntil = Date.now() + options.idleMs;
    timer = setTimeout(shutdown, options.idleMs);
  };
  let closing = false;
  function shutdown() {
    if (closing) return;
    closing = true;
    clearTimeout(timer);
    clearInterval(lost);
    server.close();
    removeSocket();
    void queue.then(options.close).finally(() => {
      done();
      ended();
    });
  }
  const status = (): DaemonStatus => ({
    pid: process.pid,
    key: options.key,
    ready,
    served,
    idleSecondsLeft: ready
      ? Math.max(0, Math.round((idleUntil - Date.now()) / 1000))
      : Math.round(options.idleMs / 1000),
  });

  async function build(connection: net.Socket, request: Extract<Request, { build: unknown }>["build"]) {
    if (connection.destroyed) return;
    clearTimeout(timer);
    let running = true;
    // The client stopped (Ctrl-C, killed): stop this build as a stop of its own process would.
    connection.on("close", () => {
      if (running) stop(130);
    });
    for (const name of Object.keys(process.env)) if (!(name in request.env)) delete process.env[name];
    Object.assign(process.env, request.env);
    const io: Io = {
      out: (text) => void send(connection, { out: text }),
      err: (text) => void send(connection, { err: text }),
    };
    // What the build prints itself (DEBUG lines) goes to its client too.
    const { log, info, warn, error: logError } = console;
    console.log = console.info = (...args: unknown[]) => io.out(format(...args));
    console.error = console.warn = (...args: unknown[]) => io.err(format(...args));
    let code: number;
    try {
      process.chdir(request.cwd);
      process.umask(request.umask);
      code = await options.build(request.argv, io);
    } catch (error) {
      io.err(`error-contracts: ${error instanceof Error ? error.message : String(error)}`);
      code = 2;
    } finally {
      Object.assign(console, { log, info, warn, error: logError });
    }
    running = false;
    served++;
    send(connection, { exit: code });
    connection.end();
    if (!closing) idle();
  }

  server.on("connection", (connection) => {
    connection.on("error", () => {});
    readLines<Request>(connection, (request) => {
      if ("status" in request) {
        send(connection, { status: status() });
        connection.end();
      } else if ("stop" in request) {
        // Answered once it has ended its build and its rendering process.
        shutdown();
        void finished.then(() => {
          send(connection, { stopped: true });
          connection.end();
        });
      } else if (request.key !== options.key) {
        send(connection, { stale: true });
        connection.end();
        shutdown();
      } else if (closing) {
        connection.end(); // the client builds itself
      } else {
        queue = queue.then(() => build(connection, request.build));
      }
    });
  });
  // Its idle time counts from when it is ready.
  let queue = options
    .warm()
    .catch(() => {})
    .then(() => {
      ready = true;
      if (!closing) idle();
    });
  await finished;
  return 0;
}

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { daemonStatus, startDaemon, stopDaemon } from "../daemon/client.js";
import { alive, untilDone } from "../core/lifetime.js";
import { daemonKey, socketPath } from "../daemon/where.js";
import { packageRoot, projectFile, reportingFailures, UsageError, type Command, type Io } from "./command.js";

/** A tiny API, for loading the tools before the first build. */
const warmDoc = { openapi: "3.1.0", info: { title: "warm", version: "1" }, paths: {} };

/** The first of the toolkit's own API roots (`openapi/<api>/openapi.yaml`, shipped with it), if there is one. */
function ownApiRoot(): string | undefined {
  const dir = path.join(packageRoot, "openapi");
  const roots = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  return roots.map((name) => path.join(dir, name, "openapi.yaml")).find((file) => fs.existsSync(file));
}

/**
 * The warm-up build's scratch folder: beside the socket, named after this process, in the folder only this user
 * may enter. Those of daemons that died during their warm-up (`kill -9`), or of a process that had this pid
 * before, go first.
 */
function warmFolder(socket: string): string {
  const prefix = `${path.basename(socket)}.warm-`;
  for (const name of fs.readdirSync(path.dirname(socket))) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(pid) && (pid === process.pid || !alive(pid)))
      fs.rmSync(path.join(path.dirname(socket), name), { recursive: true, force: true });
  }
  const folder = `${socket}.warm-${process.pid}`;
  fs.mkdirSync(folder, { mode: 0o700 });
  return folder;
}

/** How long a daemon waits for a build, in ms: ERROR_CONTRACTS_DAEMON_IDLE_MS, else 10 minutes. */
function idleMs(): number {
  const given = Number(process.env.ERROR_CONTRACTS_DAEMON_IDLE_MS);
  return Number.isFinite(given) && given > 0 ? given : 10 * 60_000;
}

/** The daemon in this process, until it ends. */
async function run(): Promise<number> {
  const socket = socketPath();
  if (!socket) throw new Error("no folder of this user's own for the daemon's socket");
  const [{ runDaemon }, { keepDocsRenderer }, { runBuild }] = await Promise.all([
    import("../daemon/server.js"),
    import("../docs/index.js"),
    import("./build.js"),
  ]);
  const keptDocs = keepDocsRenderer();
  return runDaemon({
    socket,
    key: daemonKey(),
    idleMs: idleMs(),
    async warm() {
      // What a build loads, loaded once: the tools here (Spectral with the project's ruleset, openapi-typescript)
      // and in the rendering process (Redocly, with the project's configuration); then a build of one of the
      // toolkit's own APIs into a scratch folder, so that the first build asked for runs code already compiled.
      const renderer = keptDocs.open(projectFile("redocly.yaml"));
      const [{ loadLinter }, { openapiTypes }, { openapiTypesModule }] = await Promise.all([
        import("../core/spectral.js"),
        import("../build/openapi-typescript.js"),
        import("../build/steps/types.js"),
      ]);
      await Promise.allSettled([
        loadLinter(projectFile(".spectral.yaml")).then((linter) => linter.run(JSON.stringify(warmDoc))),
        openapiTypes(warmDoc),
        renderer.call(openapiTypesModule, "openapiTypes", [warmDoc]),
      ]);
      const root = ownApiRoot();
      if (!root) return;
      const scratch = warmFolder(socket);
      const remove = () => fs.rmSync(scratch, { recursive: true, force: true });
      const done = untilDone(remove); // a stop meanwhile (SIGTERM) removes it too
      try {
        const args = [
          root,
          "--out",
          path.join(scratch, "generated"),
          "--ruleset",
          path.join(packageRoot, ".spectral.yaml"),
        ];
        const quiet: Io = { out: () => {}, err: () => {} };
        await runBuild(args, quiet, { keptDocs, cacheDir: path.join(scratch, "cache") });
      } finally {
        done();
        remove();
      }
    },
    build: (argv, io) => reportingFailures(() => runBuild(argv, io, { keptDocs }), io, ["build", ...argv]),
    close: () => keptDocs.close(),
  });
}

async function status(io: Io): Promise<number> {
  const found = await daemonStatus();
  if (!found) {
    io.out("no build daemon is running");
    return 0;
  }
  const current = found.key === daemonKey() ? "" : " (started from other code: the next build replaces it)";
  const doing = found.ready
    ? `ready, ${found.served} build${found.served === 1 ? "" : "s"} served, ends in ${found.idleSecondsLeft} s with nothing to do`
    : "loading the tools";
  io.out(`build daemon ${found.pid}: ${doing}${current}`);
  return 0;
}

/** Starts the daemon unless one is running, and waits until it has loaded the tools (at most a minute). */
async function start(io: Io): Promise<number> {
  if (!socketPath()) throw new Error("no folder of this user's own for the daemon's socket");
  const key = daemonKey();
  const running = await daemonStatus();
  // One started from other code is replaced, as a build would replace it.
  if (running && running.key !== key) await stopDaemon();
  if (running?.key !== key) startDaemon();
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const found = await daemonStatus();
    if (found?.ready && found.key === key) {
      io.out(`build daemon ${found.pid}: ready`);
      return 0;
    }
  }
  throw new Error("the build daemon did not get ready within a minute (DEBUG=1 error-contracts daemon run says why)");
}

export const daemonCommand: Command = {
  name: "daemon",
  usage: `error-contracts daemon <status|start|stop|run>

  status  whether this toolkit's build daemon runs, and what it is doing
  start   start it (unless it runs) and wait until it has loaded the tools
  stop    stop it, once the build it is running is done (one that has not stopped
          within 10 s gets SIGTERM, then SIGKILL)
  run     be the daemon, in this process (what "start" runs in the background)

\`build\` starts the daemon after its first build and runs later builds in it, with the tools,
the project's ruleset and Redocly's rendering process already loaded. It ends after 10 minutes
with nothing to do (ERROR_CONTRACTS_DAEMON_IDLE_MS), when the toolkit's code or tools change, or
when a build it runs is stopped (Ctrl-C). Off in CI (the CI variable set), with
ERROR_CONTRACTS_DAEMON=off, or with \`build --no-daemon\`; ERROR_CONTRACTS_DAEMON=on turns it on
in CI. Its socket is in <tmp>/error-contracts-<uid>/ (ERROR_CONTRACTS_DAEMON_DIR).`,
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [what, ...rest] = positionals;
    if (rest.length > 0 || !what) throw new UsageError("daemon takes one of: status, start, stop, run");
    if (what === "status") return status(io);
    if (what === "start") return start(io);
    if (what === "run") return run();
    if (what === "stop") {
      io.out((await stopDaemon()) ? "build daemon stopped" : "no build daemon is running");
      return 0;
    }
    throw new UsageError(`daemon: unknown "${what}": one of status, start, stop, run`);
  },
};

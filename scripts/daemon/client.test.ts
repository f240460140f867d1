import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stopDaemon } from "./client.js";
import { readLines, send, type Request } from "./protocol.js";
import { socketPath } from "./where.js";

describe("stopDaemon", () => {
  let dir: string;
  let server: net.Server | undefined;
  const before = process.env.ERROR_CONTRACTS_DAEMON_DIR;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "daemon-stop-"));
    process.env.ERROR_CONTRACTS_DAEMON_DIR = path.join(dir, "sockets");
  });
  afterEach(() => {
    server?.close();
    if (before === undefined) delete process.env.ERROR_CONTRACTS_DAEMON_DIR;
    else process.env.ERROR_CONTRACTS_DAEMON_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A daemon that hangs: it tells its pid (a process standing in for it), and never answers a stop. */
  async function hungDaemon(script: string) {
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_, signal) => resolve(signal)));
    server = net.createServer((connection) =>
      readLines<Request>(connection, (request) => {
        if ("status" in request) {
          send(connection, { status: { pid: child.pid!, key: "k", ready: true, served: 0, idleSecondsLeft: 1 } });
          connection.end();
        }
      }),
    );
    await new Promise<void>((resolve) => server!.listen(socketPath()!, resolve));
    await new Promise((resolve) => setTimeout(resolve, 200)); // its signal handlers in place
    return { exited };
  }

  it("sends SIGTERM to a daemon that does not stop within its grace", async () => {
    const { exited } = await hungDaemon("setInterval(() => {}, 1000)");
    expect(await stopDaemon(300)).toBe(true);
    expect(await exited).toBe("SIGTERM");
  });

  it("then SIGKILL to one that ignores SIGTERM", async () => {
    const { exited } = await hungDaemon("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)");
    expect(await stopDaemon(300)).toBe(true);
    expect(await exited).toBe("SIGKILL");
  });

  it("is false where no daemon answers", async () => {
    expect(await stopDaemon(300)).toBe(false);
  });
});

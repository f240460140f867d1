import net from "node:net";

/**
 * What a client asks a daemon, one JSON line: a build (its command line, and what of its process the build
 * depends on: folder, environment, file mode mask), its status, or to stop.
 */
export type Request =
  | { key: string; build: { argv: string[]; cwd: string; env: NodeJS.ProcessEnv; umask: number } }
  | { status: true }
  | { stop: true };

/** What a daemon is doing, as `daemon status` prints it. */
export interface DaemonStatus {
  pid: number;
  key: string;
  /** Whether it has loaded the tools (until then, builds wait for it). */
  ready: boolean;
  /** Builds run since it started. */
  served: number;
  /** Seconds until it ends, with nothing asked of it meanwhile (once ready). */
  idleSecondsLeft: number;
}

/**
 * What a daemon answers, one JSON line each: a build's lines as the command prints them and its exit code; `stale`
 * (it was started from other code: the client builds itself, the daemon ends); its status; that it stops.
 */
export type Reply =
  | { out: string }
  | { err: string }
  | { exit: number }
  | { stale: true }
  | { status: DaemonStatus }
  | { stopped: true };

/** Calls `onLine` with each JSON line read from `socket` (a line that does not parse ends the connection). */
export function readLines<T>(socket: net.Socket, onLine: (value: T) => void): void {
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      try {
        onLine(JSON.parse(line) as T);
      } catch {
        socket.destroy();
        return;
      }
    }
  });
}

/** Writes one JSON line; false where the other end is gone. */
export function send(socket: net.Socket, value: Request | Reply): boolean {
  if (socket.destroyed || !socket.writable) return false;
  socket.write(`${JSON.stringify(value)}\n`);
  return true;
}

/**
 * Sends `request` to the daemon listening at `path` and hands each reply to `onReply`: "absent" where none listens
 * there, "ended" once the daemon has closed the connection, "late" where it has not within `timeoutMs`.
 */
export function exchange(
  path: string,
  request: Request,
  onReply: (reply: Reply) => void,
  timeoutMs?: number,
): Promise<"absent" | "ended" | "late"> {
  return new Promise((resolve) => {
    let connected = false;
    const socket = net.createConnection(path);
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => {
        resolve("late");
        socket.destroy();
      }, timeoutMs);
      socket.on("close", () => clearTimeout(timer));
    }
    socket.on("connect", () => {
      connected = true;
      send(socket, request);
    });
    readLines<Reply>(socket, onReply);
    socket.on("error", () => {}); // "close" follows, which says what happened
    socket.on("close", () => resolve(connected ? "ended" : "absent"));
  });
}

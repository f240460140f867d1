import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { killOnStop, startNode } from "../core/lifetime.js";
import {
  type BuildDocsInput,
  inWorkFolder,
  lastLine,
  redoclyEnv,
  redocOptions,
  runBuildDocs,
  template,
} from "./build-docs.js";

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "build-docs-process.js");

/** Pages rendered by one process: `render` as `buildDocs` renders, `close` when done. */
export interface DocsRenderer {
  render(page: Omit<BuildDocsInput, "redoclyConfig" | "signal">): Promise<string>;
  /**
   * The value of `module`'s export `name` called with `args` in the rendering process, once the pages asked
   * for before are done: work for the core the process would leave idle. It rejects where the process
   * is gone or the call threw (with its message); the caller can then do the work itself. With a `claim`
   * (a file path), the process first takes the work as `take` does (unless it took that claim for an earlier
   * call), and the call gives `undefined` where it was taken first: whoever is free first does the work, once.
   */
  call<T>(module: string, name: string, args: unknown[], options?: { claim?: string }): Promise<T | undefined>;
  /** Why the pages went through `redocly build-docs` one process each, if they did. */
  readonly fallback: string | undefined;
  /** Whether its process is running: not closed, killed, aborted or crashed. */
  readonly running: boolean;
  /**
   * Ends the process; call it once the pages asked for are settled (a page still waiting fails). With `kill`,
   * at once, where it would end only once it has loaded Redocly.
   */
  close(options?: { kill?: boolean }): Promise<void>;
}

/** What `build-docs-process.js` answers for a page or a call. */
type Reply = { id: number; error?: string; unavailable?: string; value?: unknown; skipped?: true };

/** Runs at most `limit` of the tasks given to it at a time. */
function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * The pages `buildDocs` renders, byte for byte, rendered by one process (`build-docs-process.js`) that
 * loads Redocly once, where a `build-docs` process per page spends half its time loading. The process
 * starts at once and each page is sent as soon as it is asked for, so that Redocly loads and renders
 * while lint keeps this process busy. Where the process cannot find Redocly's `build-docs` handler, each
 * page runs `redocly build-docs`, two at a time (`fallback` says why, and `DEBUG=1`). The `signal` kills
 * the process and fails the pages not done.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one job, the process, its answers and its end, and the pages sent to it, in one place
export function openDocsRenderer(options: {
  redoclyConfig: string;
  signal?: AbortSignal;
  /** The folder of the `@redocly/cli` whose handler the process loads (default: the one this toolkit runs). */
  redoclyCliDir?: string;
  /**
   * Kept between builds (`keepDocsRenderer`): while pages or calls are in flight, a stop of this process (Ctrl-C,
   * SIGTERM) kills it first and it keeps this process alive; idle, neither: this process can end while it stands
   * (it then ends too, its channel closed), and the command's own signal handlers stay its own (`serve`).
   */
  kept?: boolean;
}): DocsRenderer {
  const { redoclyConfig, signal } = options;
  const pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  /** While a kept process has work: the registration that kills it first on a stop. */
  let working: (() => void) | undefined;
  let closing = false;
  let child: ChildProcess | undefined;
  /**
   * A kept process with work is killed first on a stop and keeps this process alive; idle, it does neither: it
   * ends with this process (its channel closes), which can end while it stands (an error after a build).
   */
  const hold = (busy: boolean) => {
    if (!options.kept || !child) return;
    const handles = [child, child.channel, child.stderr] as ({ ref?(): void; unref?(): void } | null | undefined)[];
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
    if (busy) working ??= killOnStop(child);
    else {
      working?.();
      working = undefined;
    }
  };
  const settled = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) hold(false);
  };
  const perPage = limiter(2);
  let failure: Error | undefined;
  let fallback: string | undefined;
  let next = 0;
  let ended: Promise<void> = Promise.resolve();
  /** Redoc's options, read once for all the pages. */
  let redoc: Record<string, unknown> | undefined;
  const redocFor = () => {
    redoc ??= redocOptions(redoclyConfig);
    return redoc;
  };
  if (!signal?.aborted) {
    const args = [redoclyConfig, ...(options.redoclyCliDir ? [options.redoclyCliDir] : [])];
    const started = startNode(script, args, { env: redoclyEnv(), background: true, signal, stopKills: !options.kept });
    /** What the process wrote since its last answer: why it ended, if it ends. */
    let stderr = "";
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    started.on("message", (reply: Reply) => {
      stderr = "";
      const waiting = pending.get(reply.id);
      settled(reply.id);
      if (reply.error === undefined) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
    });
    ended = new Promise((done) => {
      const end = (why: string) => {
        failure ??= new Error(signal?.aborted ? "aborted" : why);
        for (const [id, waiting] of pending) {
          settled(id);
          waiting.reject(failure);
        }
        done();
      };
      started.once("exit", (code, killed) => {
        const said = lastLine(stderr);
        end(said && !/^\s*at |^#|^<--/.test(said) ? said : `the rendering process ended (${killed ?? `exit ${code}`})`);
      });
      // The process could not be started, or its channel broke: nothing more will come from it.
      started.once("error", (error) => end(error.message));
    });
    child = started;
    hold(false);
  }
  /** Sends a message to the process and waits for its answer. */
  const ask = (process_: ChildProcess, message: { id: number; [key: string]: unknown }): Promise<Reply> => {
    if (failure) return Promise.reject(failure);
    return new Promise<Reply>((resolve, reject) => {
      hold(true);
      pending.set(message.id, { resolve, reject });
      try {
        // Not sent: the process is ending; the message fails with how it ended.
        process_.send(message, (error) => {
          if (!error || !pending.has(message.id)) return;
          settled(message.id);
          void ended.then(() => reject(failure ?? error));
        });
      } catch (error) {
        // Not sendable (a value structured cloning refuses).
        settled(message.id);
        reject(error);
      }
    });
  };
  return {
    get fallback() {
      return fallback;
    },
    get running() {
      return child !== undefined && !closing && failure === undefined && child.connected;
    },
    async call<T>(module: string, name: string, args: unknown[], { claim }: { claim?: string } = {}) {
      if (!child) throw failure ?? new Error("no rendering process");
      const reply = await ask(child, { id: next++, call: { module, name, args, ...(claim ? { claim } : {}) } });
      return reply.skipped ? undefined : (reply.value as T);
    },
    render(page) {
      const input = { ...page, redoclyConfig, ...(signal ? { signal } : {}) };
      return inWorkFolder(input, async (file, output) => {
        const process_ = child;
        if (!process_ || fallback) return perPage(() => runBuildDocs(input, file, output));
        const message = {
          id: next++,
          input: file,
          output,
          lang: page.lang,
          template,
          openapi: redocFor(),
        };
        const reply = await ask(process_, message);
        if (reply.unavailable === undefined) return;
        if (!fallback && process.env.DEBUG) console.error(`error-contracts: build-docs per page: ${reply.unavailable}`);
        fallback ??= reply.unavailable;
        await perPage(() => runBuildDocs(input, file, output));
      });
    },
    async close({ kill = false } = {}) {
      closing = true;
      child?.ref(); // an idle kept process is unref'd: this waits for its end
      if (kill) child?.kill("SIGKILL");
      else if (child?.connected) child.disconnect();
      await ended;
    },
  };
}

import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startNode } from "../core/lifetime.js";
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
  /** Ends the process, once the pages asked for are done. */
  close(): Promise<void>;
}

/** What `build-docs-process.js` answers for a page. */
type Reply = { id: number; error?: string; unavailable?: string };

/**
 * The pages `buildDocs` renders, byte for byte, rendered by one process (`build-docs-process.js`) that
 * loads Redocly once, where a `build-docs` process per page spends half its time loading. The process
 * starts at once and each page is sent as soon as it is asked for, so that Redocly loads and renders
 * while lint keeps this process busy. Where the process cannot find Redocly's `build-docs` handler, each
 * page runs `redocly build-docs` (`DEBUG=1` says why). The `signal` kills the process and fails the pages
 * not done.
 */
export function openDocsRenderer(options: {
  redoclyConfig: string;
  signal?: AbortSignal;
  /** The folder of the `@redocly/cli` whose handler the process loads (default: the one this toolkit runs). */
  redoclyCliDir?: string;
}): DocsRenderer {
  const { redoclyConfig, signal } = options;
  const pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  let perPage = false;
  let next = 0;
  let ended: Promise<void> = Promise.resolve();
  let child: ChildProcess | undefined;
  if (!signal?.aborted) {
    const args = [redoclyConfig, ...(options.redoclyCliDir ? [options.redoclyCliDir] : [])];
    const started = startNode(script, args, { env: redoclyEnv(), background: true, signal });
    let stderr = "";
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    started.on("message", (reply: Reply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error === undefined) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
    });
    ended = new Promise((done) =>
      started.once("exit", (code, killed) => {
        failure = new Error(signal?.aborted ? "aborted" : (lastLine(stderr) ?? `ended (${code ?? killed})`));
        for (const waiting of pending.values()) waiting.reject(failure);
        pending.clear();
        done();
      }),
    );
    child = started;
  }
  return {
    render(page) {
      const input = { ...page, redoclyConfig, ...(signal ? { signal } : {}) };
      return inWorkFolder(input, async (file, output) => {
        if (!child || perPage) return runBuildDocs(input, file, output);
        if (failure) throw failure;
        const id = next++;
        const replied = new Promise<Reply>((resolve, reject) => pending.set(id, { resolve, reject }));
        child.send({ id, input: file, output, lang: page.lang, template, openapi: redocOptions(redoclyConfig) });
        const reply = await replied;
        if (reply.unavailable === undefined) return;
        if (!perPage && process.env.DEBUG) console.error(`error-contracts: build-docs per page: ${reply.unavailable}`);
        perPage = true;
        await runBuildDocs(input, file, output);
      });
    },
    async close() {
      if (child?.connected) child.disconnect();
      await ended;
    },
  };
}

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build, type BuildOptions } from "../build/index.js";
import { InputRejected, formatProblem } from "../core/problems.js";
import { serveStatic } from "../serve/static.js";
import { watchTree } from "../core/watch.js";
import { buildOptions } from "./build.js";
import { UsageError, type Command, type Io } from "./command.js";

const now = () => new Date().toTimeString().slice(0, 8);
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** One build, printed as `npm run build` prints it; a failed build is reported, not thrown. */
async function rebuild(options: BuildOptions, io: Io): Promise<boolean> {
  const started = performance.now();
  try {
    await build({ ...options, log: (line) => io.out(line) });
    io.out(`${now()} rebuilt in ${seconds(started)}`);
    return true;
  } catch (error) {
    if (error instanceof InputRejected) {
      for (const problem of error.problems) io.out(formatProblem(problem));
      io.out(`${now()} build failed: ${error.message}; still serving the last good docs`);
    } else {
      io.out(
        `${now()} build failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}; still serving the last good docs`,
      );
    }
    return false;
  }
}

export const serveCommand: Command = {
  name: "serve",
  usage: `error-contracts serve [spec] [--port <n>] [--host <address>] [--out <dir>] [--no-watch]

  spec              the spec folder to build and watch (default: openapi/)
  --port <n>        the port (default: $PORT, else 8080; 0 picks a free one)
  --host <address>  the address to listen on (default: 127.0.0.1, this machine only)
  --out <dir>       the build's output (default: generated/ beside the spec folder);
                    <out>/docs is served, and built first if it is missing
  --no-watch        serve only; do not rebuild on changes

Stop it with Ctrl+C.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        out: { type: "string" },
        "no-watch": { type: "boolean" },
      },
    });
    if (positionals.length > 1) throw new UsageError("serve takes one spec folder");
    const spec = positionals[0] ?? "openapi";
    const given = String(values.port ?? process.env.PORT ?? 8080);
    const port = /^\d{1,5}$/.test(given) ? Number(given) : Number.NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port ${values.port}: not a port number`);
    const built = await buildOptions(spec, values);
    if (!fs.statSync(spec).isDirectory()) throw new UsageError(`${spec}: serve watches a spec folder, not one file`);
    // The docs' rendering process is kept from one build to the next, as `build --watch` keeps it.
    const { keepDocsRenderer } = await import("../docs/index.js");
    const keptDocs = values["no-watch"] ? undefined : keepDocsRenderer();
    const options = { ...built, ...(keptDocs ? { keptDocs } : {}) };
    const docs = path.join(options.out, "docs");

    try {
      if (!fs.existsSync(path.join(docs, "index.html"))) {
        io.out(`${now()} no docs in ${path.relative(process.cwd(), docs) || docs} yet: building`);
        await rebuild(options, io);
      }
      const server = await serveStatic({ root: docs, host: values.host ?? "127.0.0.1", port });
      io.out(`serving ${path.relative(process.cwd(), docs) || docs} at ${server.url}`);
      const watcher = values["no-watch"]
        ? undefined
        : watchTree(spec, {
            include: (file) => /\.ya?ml$/.test(file),
            onChange: async (files) => {
              io.out(`${now()} changed: ${files.map((file) => path.join(spec, file)).join(", ")}: rebuilding`);
              if (await rebuild(options, io)) io.out(`${now()} serving the new docs at ${server.url}`);
            },
            onError: (error) => io.out(`${now()} watch: ${error instanceof Error ? error.message : String(error)}`),
          });
      await watcher?.ready;
      if (watcher) io.out(`watching ${spec} for changes (Ctrl+C to stop)`);

      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await watcher?.close();
      await server.close();
    } finally {
      // Whatever ended the command (a port in use, a stop), the docs' rendering process ends with it.
      await keptDocs?.close();
    }
    return 0;
  },
};

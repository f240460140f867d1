import path from "node:path";
import { parseArgs } from "node:util";
import { startMock } from "../mock/prism.js";
import { bundleArgument, UsageError, type Command } from "./command.js";

export const mockCommand: Command = {
  name: "mock",
  usage: `error-contracts mock <api> [--port <n>] [--host <host>]

  api            an API of generated/ (messaging, partner, …), or a bundled openapi.yaml
  --port <n>     the port (default 4010; 0 picks a free one)
  --host <host>  the address to listen on (default 127.0.0.1)

Ask for any documented error with a Prefer header, and a bearer token (any):
  curl -H 'Authorization: Bearer x' -H 'Prefer: code=404, example=<ExampleName>' <url>/<path>
Stop it with Ctrl-C.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: "string" }, host: { type: "string" } },
    });
    const spec = bundleArgument(positionals, "mock");
    const port = /^\d{1,5}$/.test(String(values.port ?? 4010)) ? Number(values.port ?? 4010) : Number.NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be an integer 0–65535, not "${values.port}"`);
    const server = await startMock(spec, { port, host: values.host ?? "127.0.0.1" });
    io.out(`mock     ${path.relative(process.cwd(), spec) || spec} on ${server.url} (Prism). Ctrl-C stops it.`);
    io.out(
      `         try: curl -H 'Authorization: Bearer x' -H 'Prefer: code=<status>, example=<ExampleName>' ${server.url}/<path>`,
    );
    server.child.stdout!.pipe(process.stdout);
    server.child.stderr!.pipe(process.stderr);
    let stopping = false;
    const stop = () => {
      stopping = true;
      void server.close();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    const code = await new Promise<number | null>((resolve) =>
      server.child.once("exit", (exitCode) => resolve(exitCode)),
    );
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    if (stopping || code === 0) return 0;
    throw new Error(`Prism exited with code ${code}`);
  },
};

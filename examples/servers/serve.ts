/**
 * `npm run serve:example -- <api> [--port <n>]`: one reference server on 127.0.0.1, until Ctrl-C.
 * `<api>` is a folder here with an `index.ts` exporting `createApp(options)`.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { FAULT_HEADER, FULL_TOKEN, LOW_TOKEN } from "./lib/reference-app.js";

const here = dirname(fileURLToPath(import.meta.url));
const apis = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, "index.ts")))
  .map((entry) => entry.name);

function fail(message: string): never {
  process.stderr.write(`serve:example: ${message}\n`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseArgs<{ options: { port: { type: "string" } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: { port: { type: "string" } }, allowPositionals: true });
} catch (error) {
  fail((error as Error).message);
}
const [api, ...extra] = parsed.positionals;
if (!api || extra.length > 0 || !apis.includes(api))
  fail(`usage: npm run serve:example -- <${apis.join("|")}> [--port <n>]`);
const port = Number(parsed.values.port ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${parsed.values.port}: not a port number`);

const { createApp } = (await import(pathToFileURL(join(here, api, "index.ts")).href)) as { createApp(): Hono };
const server = serve({ fetch: createApp().fetch, port, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(
    [
      `${api} reference server on http://127.0.0.1:${info.port}`,
      `tokens: Authorization: Bearer ${FULL_TOKEN} (all rights), Bearer ${LOW_TOKEN} (403 where documented)`,
      `5xx faults: ${FAULT_HEADER}: <code or status>; the requests that reach each error: examples/servers/${api}/triggers.ts`,
      "",
    ].join("\n"),
  );
});
server.on("error", (error) => fail(`port ${port}: ${(error as Error).message}`));
process.on("SIGINT", () => server.close(() => process.exit(0)));

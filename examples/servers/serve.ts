/**
 * `npm run serve:example -- <api> [--port <n>] [--defect <name>]…`: one reference server on 127.0.0.1,
 * until Ctrl-C; each `--defect` plants one of `lib/defects.ts` (to watch `error-contracts check` find it).
 * `<api>` is a folder here with an `index.ts` exporting `createApp(options)`.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { DEFECTS, type DefectName } from "./lib/defects.js";
import { FAULT_HEADER, FULL_TOKEN, LOW_TOKEN, type ReferenceOptions } from "./lib/reference-app.js";

const here = dirname(fileURLToPath(import.meta.url));
const apis = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, "index.ts")))
  .map((entry) => entry.name);

function fail(message: string): never {
  process.stderr.write(`serve:example: ${message}\n`);
  process.exit(2);
}

const options = { port: { type: "string" }, defect: { type: "string", multiple: true } } as const;
let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options, allowPositionals: true });
} catch (error) {
  fail((error as Error).message);
}
const [api, ...extra] = parsed.positionals;
if (!api || extra.length > 0 || !apis.includes(api)) {
  fail(`usage: npm run serve:example -- <${apis.join("|")}> [--port <n>] [--defect <name>]…`);
}
const defects = (parsed.values.defect ?? []) as DefectName[];
const unknown = defects.find((name) => !(name in DEFECTS));
if (unknown) fail(`--defect ${unknown}: not one of ${Object.keys(DEFECTS).join(", ")}`);
const port = Number(parsed.values.port ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${parsed.values.port}: not a port number`);

const { createApp } = (await import(pathToFileURL(join(here, api, "index.ts")).href)) as {
  createApp(options: ReferenceOptions): Hono;
};
let app: Hono;
try {
  app = createApp({ defects });
} catch (error) {
  fail((error as Error).message);
}
const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(
    [
      `${api} reference server on http://127.0.0.1:${info.port}${defects.length ? ` with defects: ${defects.join(", ")}` : ""}`,
      `tokens: Authorization: Bearer ${FULL_TOKEN} (all rights), Bearer ${LOW_TOKEN} (403 where documented)`,
      `5xx faults: ${FAULT_HEADER}: <code or status>; the requests that reach each error: examples/servers/${api}/triggers.ts`,
      "",
    ].join("\n"),
  );
});
server.on("error", (error) => fail(`port ${port}: ${(error as Error).message}`));
process.on("SIGINT", () => server.close(() => process.exit(0)));

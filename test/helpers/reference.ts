/** A reference server (examples/servers/<api>/) on 127.0.0.1, port 0, counting the requests it receives. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import type { ServerSpec } from "@error-contracts/server";
import type { ReferenceOptions } from "../../examples/servers/lib/reference-app.js";
import { repoRoot } from "./cli.js";
import { listen, type TestServer } from "./servers.js";

export { FULL_TOKEN, LOW_TOKEN } from "../../examples/servers/lib/reference-app.js";

export async function startReference(
  api: string,
  options: ReferenceOptions = {},
): Promise<TestServer & { pathValues: Record<string, string> }> {
  const [{ createApp }, { pathValues }] = await Promise.all([
    import(`../../examples/servers/${api}/index.ts`) as Promise<{ createApp(options: ReferenceOptions): Hono }>,
    import(`../../examples/servers/${api}/triggers.ts`) as Promise<{ pathValues: Record<string, string> }>,
  ]);
  const state = { count: 0 };
  const server = createAdaptorServer({ fetch: createApp(options).fetch });
  server.on("request", () => {
    state.count += 1;
  });
  return Object.assign(await listen(server, state), { pathValues });
}

/** The APIs with a reference server: the folders of examples/servers/ with a `triggers.ts`. */
const serversDir = join(repoRoot, "examples", "servers");
export const referenceApis = readdirSync(serversDir).filter((name) =>
  existsSync(join(serversDir, name, "triggers.ts")),
);

/** The API's `ServerSpec` (generated/<api>/server.ts): what each operation accepts, with the code each constraint declares. */
export async function serverSpecOf(api: string): Promise<ServerSpec> {
  const server = await import(`../../generated/${api}/server.ts`);
  return Object.entries(server).find(([name]) => name.endsWith("ServerSpec"))![1] as ServerSpec;
}

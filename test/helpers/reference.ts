/** A reference server (examples/servers/<api>/) on 127.0.0.1, port 0, counting the requests it receives. */
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import type { ReferenceOptions } from "../../examples/servers/lib/reference-app.js";
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

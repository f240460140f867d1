/**
 * `check` in-process against each reference server (examples/servers/<api>/), on 127.0.0.1: the
 * server as built gives no finding and no violated coverage row; each planted defect the API's
 * contract leaves room for (examples/servers/lib/defects.ts), switched on alone, gives findings of
 * exactly the rule it names. The server counts what it receives: every request the run reports.
 */
import { existsSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ServerSpec } from "@error-contracts/server";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { DEFECTS, type DefectName } from "../../examples/servers/lib/defects.js";
import { FULL_TOKEN, LOW_TOKEN } from "../../examples/servers/lib/reference-app.js";
import { type CheckOptions, checkApi } from "../../scripts/check/run.js";
import { repoRoot } from "../helpers/cli.js";

const serversDir = join(repoRoot, "examples", "servers");
const apis = readdirSync(serversDir).filter((name) => existsSync(join(serversDir, name, "triggers.ts")));

interface Loaded {
  createApp(options?: { defects?: DefectName[] }): Hono;
  pathValues: Record<string, string>;
  spec: ServerSpec;
}
async function load(api: string): Promise<Loaded> {
  const [app, triggers, server] = await Promise.all([
    import(`../../examples/servers/${api}/index.ts`),
    import(`../../examples/servers/${api}/triggers.ts`),
    import(`../../generated/${api}/server.ts`),
  ]);
  const spec = Object.entries(server).find(([name]) => name.endsWith("ServerSpec"))![1] as ServerSpec;
  return { createApp: app.createApp, pathValues: triggers.pathValues, spec };
}

/** One run of `check` against a fresh server with these defects; the requests the server received. */
async function run(api: string, defects: DefectName[] = []) {
  const { createApp, pathValues } = await load(api);
  let received = 0;
  const app = createApp({ defects });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        fetch: (request: Request) => {
          received += 1;
          return app.fetch(request);
        },
        port: 0,
        hostname: "127.0.0.1",
      },
      () => resolve(started),
    );
  });
  try {
    const options: CheckOptions = {
      token: FULL_TOKEN,
      tokenLow: LOW_TOKEN,
      allowWrites: true,
      rateLimitProbe: 60,
      seed: 1,
      params: pathValues,
    };
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await checkApi(`generated/${api}/openapi.yaml`, url, options);
    return { ...result, received };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe.each(apis)("check against the %s reference server", (api) => {
  it("finds nothing, violates no coverage row, and sends what it reports within its budgets", async () => {
    const result = await run(api);
    expect(result.findings.map((f) => `${f.rule} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
    expect(result.coverage.filter((row) => row.state === "violated")).toEqual([]);
    expect(result.stopped).toBeUndefined();
    expect(result.received).toBe(result.requests);
    const count = new Map<string, number>();
    for (const row of result.coverage) count.set(row.state, (count.get(row.state) ?? 0) + 1);
    const missed = result.coverage.filter((row) => row.state === "not-triggered");
    console.log(
      [
        `${api}: ${result.requests} requests; coverage ${[...count].map(([state, n]) => `${state} ${n}`).join(", ")}`,
        ...missed.map((row) => `  not triggered: ${row.operation} ${row.status} ${row.code ?? ""}`),
      ].join("\n"),
    );
  });

  const planted = (Object.keys(DEFECTS) as DefectName[]).map((name) => ({ name, rule: DEFECTS[name].rule }));
  it.each(planted)(
    "$name: findings of $rule and no other rule, or no room for it in the contract",
    async ({ name, rule }) => {
      const { spec } = await load(api);
      if (!DEFECTS[name].applies(spec)) {
        await expect(load(api).then(({ createApp }) => createApp({ defects: [name] }))).rejects.toThrow(/no defect/);
        return;
      }
      const { findings } = await run(api, [name]);
      expect(findings.length, `${name} is found`).toBeGreaterThan(0);
      expect([...new Set(findings.map((f) => f.rule))]).toEqual([rule]);
    },
  );
});

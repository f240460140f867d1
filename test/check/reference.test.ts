/**
 * `check` in-process against each reference server (examples/servers/<api>/), on 127.0.0.1: the
 * server as built gives no finding and no violated coverage row; each planted defect the API's
 * contract leaves room for (examples/servers/lib/defects.ts), switched on alone, gives findings of
 * exactly the rule it names. The server counts what it receives: every request the run reports.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ServerSpec } from "@error-contracts/server";
import { describe, expect, it } from "vitest";
import { DEFECTS, type DefectName } from "../../examples/servers/lib/defects.js";
import { type CheckOptions, checkApi } from "../../scripts/check/run.js";
import { repoRoot } from "../helpers/cli.js";
import { FULL_TOKEN, LOW_TOKEN, startReference } from "../helpers/reference.js";

const serversDir = join(repoRoot, "examples", "servers");
const apis = readdirSync(serversDir).filter((name) => existsSync(join(serversDir, name, "triggers.ts")));

/** The API's `ServerSpec`: what each operation accepts, with the code each constraint declares. */
async function specOf(api: string): Promise<ServerSpec> {
  const server = await import(`../../generated/${api}/server.ts`);
  return Object.entries(server).find(([name]) => name.endsWith("ServerSpec"))![1] as ServerSpec;
}

/** One run of `check` against a fresh server with these defects, and the requests the server received. */
async function run(api: string, defects: DefectName[] = []) {
  const server = await startReference(api, { defects });
  try {
    const options: CheckOptions = {
      token: FULL_TOKEN,
      tokenLow: LOW_TOKEN,
      allowWrites: true,
      rateLimitProbe: 60,
      seed: 1,
      params: server.pathValues,
    };
    const result = await checkApi(`generated/${api}/openapi.yaml`, server.url, options);
    return { ...result, received: server.count };
  } finally {
    await server.close();
  }
}

describe.each(apis)("check against the %s reference server", (api) => {
  it("finds nothing, violates no coverage row, and sends what it reports within its budgets", async () => {
    const result = await run(api);
    expect(result.findings.map((f) => `${f.rule} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
    expect(result.coverage.filter((row) => row.state === "violated")).toEqual([]);
    expect(result.stopped).toBeUndefined();
    expect(result.received).toBe(result.requests);
    // Every code a parameter's constraint declares (`x-error-code`) is reached, valid, on its operation
    // (but a path parameter's minLength: check sends no empty path segment, which routers take for another path).
    const spec = await specOf(api);
    const emptyOnly = (schema: unknown) => {
      const { type: _, "x-error-code": __, description: ___, minLength, ...rest } = schema as Record<string, unknown>;
      return minLength !== undefined && Object.keys(rest).length === 0;
    };
    const declared = Object.values(spec.operations).flatMap(({ request }) =>
      request!.parameters
        .filter((p) => p.code !== undefined && !(p.in === "path" && emptyOnly(p.schema)))
        .map((p) => `${request!.method} ${request!.path} ${spec.codes[p.code!]!.status} ${p.code}`),
    );
    const valid = result.coverage
      .filter((row) => row.state === "triggered-valid")
      .map((row) => `${row.operation} ${row.status} ${row.code}`);
    expect(valid).toEqual(expect.arrayContaining(declared));
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
      if (!DEFECTS[name].applies(await specOf(api))) {
        await expect(startReference(api, { defects: [name] })).rejects.toThrow(/no defect/);
        return;
      }
      const { findings } = await run(api, [name]);
      expect(findings.length, `${name} is found`).toBeGreaterThan(0);
      expect([...new Set(findings.map((f) => f.rule))]).toEqual([rule]);
    },
  );
});

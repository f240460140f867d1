/**
 * `check` in-process against each reference server (examples/servers/<api>/), on 127.0.0.1: the
 * server as built gives no finding and no violated coverage row; each planted defect the API's
 * contract leaves room for (examples/servers/lib/defects.ts), switched on alone, gives findings of
 * exactly the rule it names. The server counts what it receives: every request the run reports.
 */
import type { ServerSpec } from "@error-contracts/server";
import { describe, expect, it } from "vitest";
import { DEFECTS, type DefectName, rewrite } from "../../examples/servers/lib/defects.js";
import type { Exchange } from "../../scripts/check/model.js";
import { operationName } from "../../src/openapi/index.js";
import { type CheckOptions, checkApi } from "../../scripts/check/run.js";
import { FULL_TOKEN, LOW_TOKEN, referenceApis, serverSpecOf, startReference } from "../helpers/reference.js";

/** One run of `check` against a fresh server with these defects, its exchanges, and the requests the server received. */
async function run(api: string, defects: DefectName[] = []) {
  const exchanges: Exchange[] = [];
  const server = await startReference(api, { defects });
  try {
    const options: CheckOptions = {
      token: FULL_TOKEN,
      tokenLow: LOW_TOKEN,
      allowWrites: true,
      rateLimitProbe: 60,
      seed: 1,
      params: server.pathValues,
      onExchange: (exchange) => exchanges.push(exchange),
    };
    const result = await checkApi(`generated/${api}/openapi.yaml`, server.url, options);
    return { ...result, exchanges, received: server.count };
  } finally {
    await server.close();
  }
}

/**
 * The operations where a defect changes what the server as built answered, in a clean run's
 * exchanges: a rewrite that changes one of its error responses, or the request a switch reaches.
 */
function affected(spec: ServerSpec, name: DefectName, exchanges: Exchange[]): Set<string> {
  const ids = new Map(
    Object.entries(spec.operations).map(([id, { request }]) => [`${request!.method} ${request!.path}`, id]),
  );
  const documents = (id: string, status: number) => spec.operations[id]!.statuses.includes(status);
  const reaches: Partial<Record<DefectName, (e: Exchange, id: string) => boolean>> = {
    "auth-ignored": (e) => e.response.status === 401,
    "low-token-ignored": (e) => e.response.status === 403,
    "undocumented-403": (e, id) => e.response.status === 401 && !documents(id, 403),
    "invalid-input-accepted": (e, id) =>
      e.response.status >= 400 && spec.operations[id]!.request!.parameters.some((p) => p.in === "query"),
    "500-on-malformed-json": (e, id) => e.response.status === 400 && spec.operations[id]!.request!.body !== undefined,
  };
  const found = new Set<string>();
  for (const exchange of exchanges) {
    const operation = operationName(exchange.operation);
    const id = ids.get(operation)!;
    const reach = reaches[name];
    if (reach) {
      if (reach(exchange, id)) found.add(operation);
      continue;
    }
    if (exchange.response.status < 400) continue;
    const body = exchange.response.body;
    const before = { status: exchange.response.status, headers: new Headers(exchange.response.headers), body };
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {}
    const out = { ...before, headers: new Headers(before.headers), body: structuredClone(parsed), operation: id };
    rewrite(new Set([name]), out, spec);
    out.headers.delete("content-length");
    before.headers.delete("content-length");
    const changed =
      out.status !== before.status ||
      JSON.stringify([...out.headers]) !== JSON.stringify([...before.headers]) ||
      (typeof out.body === "string" ? out.body : JSON.stringify(out.body)) !==
        (typeof parsed === "string" ? parsed : JSON.stringify(parsed));
    if (changed) found.add(operation);
  }
  return found;
}

describe.each(referenceApis)("check against the %s reference server", (api) => {
  it("finds nothing, violates no coverage row, and sends what it reports within its budgets", async () => {
    const result = await run(api);
    expect(result.findings.map((f) => `${f.rule} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
    expect(result.coverage.filter((row) => row.state === "violated")).toEqual([]);
    expect(result.stopped).toBeUndefined();
    expect(result.received).toBe(result.requests);
    // Every code a parameter's constraint declares (`x-error-code`) is reached, valid, on its operation
    // (but a path parameter's minLength: check sends no empty path segment, which routers take for another path).
    const spec = await serverSpecOf(api);
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
      if (!DEFECTS[name].applies(await serverSpecOf(api))) {
        await expect(startReference(api, { defects: [name] })).rejects.toThrow(/no defect/);
        return;
      }
      const spec = await serverSpecOf(api);
      const clean = await run(api);
      const expected = affected(spec, name, clean.exchanges);
      const { findings } = await run(api, [name]);
      expect(findings.length, `${name} is found`).toBeGreaterThan(0);
      expect([...new Set(findings.map((f) => f.rule))]).toEqual([rule]);
      // At the operations where it changes what the server answered, and at no other.
      const at = [...new Set(findings.map((f) => f.operation))];
      expect(expected, `${name} changes some answer`).not.toEqual(new Set());
      expect(at.filter((operation) => !expected.has(operation))).toEqual([]);
    },
  );
});

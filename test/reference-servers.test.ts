/**
 * The reference servers (examples/servers/<api>/) against their contracts, through the generated
 * clients on real HTTP: each operation's success, then every trigger its `triggers.ts` lists. Every
 * error must be documented (status and code as the catalog has them, `Retry-After` and the
 * correlation id where the contract requires them), and the codes reached must be the catalog's
 * codes of the API, all of them. The list of (operation, status, code) reached is printed.
 */
import type { ServerSpec } from "@error-contracts/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trigger } from "../examples/servers/lib/trigger.js";
import { ApiError, loadClient, type LooseClient } from "./helpers/clients.js";
import { catalog } from "./helpers/openapi.js";
import { FULL_TOKEN, LOW_TOKEN, referenceApis, serverSpecOf, startReference } from "./helpers/reference.js";
import type { TestServer } from "./helpers/servers.js";

interface Loaded {
  triggers: Trigger[];
  successes: Trigger[];
  spec: ServerSpec;
}
async function load(api: string): Promise<Loaded> {
  const [triggers, spec] = await Promise.all([import(`../examples/servers/${api}/triggers.ts`), serverSpecOf(api)]);
  return { triggers: triggers.triggers, successes: triggers.successes, spec };
}

const tokens = (trigger: Trigger): Record<string, string> => {
  const token = trigger.token ?? "full";
  if (token === "none") return {};
  const value = token === "full" ? FULL_TOKEN : token === "low" ? LOW_TOKEN : token.other;
  return { authorization: `Bearer ${value}` };
};

describe.each(referenceApis)("the %s reference server", (api) => {
  let loaded: Loaded;
  let server: TestServer;
  let client: LooseClient;

  beforeAll(async () => {
    loaded = await load(api);
    const { create } = await loadClient(api);
    server = await startReference(api);
    client = create({ baseUrl: server.url, retries: 0 });
  });
  afterAll(() => server.close());

  const send = (trigger: Trigger) => {
    const { method, path, produces } = loaded.spec.operations[trigger.operation]!.request!;
    const json = produces.every((type) => /json/.test(type));
    return client[method]!(path, {
      ...(json ? {} : { parseAs: "arrayBuffer" }),
      params: trigger.params ?? {},
      headers: {
        ...tokens(trigger),
        ...trigger.headers,
        ...(trigger.text !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(trigger.body !== undefined ? { body: trigger.body } : {}),
      ...(trigger.text !== undefined ? { body: trigger.text, bodySerializer: (text: string) => text } : {}),
    });
  };

  it("answers each operation's success", async () => {
    const operations = new Set<string>();
    for (const trigger of loaded.successes) {
      const { error, response } = await send(trigger);
      expect(error, `${trigger.operation}: ${trigger.why}`).toBeUndefined();
      expect(response.status, trigger.why).toBeLessThan(300);
      operations.add(trigger.operation);
    }
    expect([...operations].sort()).toEqual(Object.keys(loaded.spec.operations).sort());
  });

  it("answers every catalogued code of its API, each as documented", async () => {
    const { spec } = loaded;
    const family = catalog.families.find((f) => f.apis.includes(api))!;
    const byCode = new Map(family.errors.map((e) => [String(e.code), e]));
    const reached: string[] = [];
    const codes = new Set<string>();
    for (const trigger of loaded.triggers) {
      let result = await send(trigger);
      for (let i = 1; i < (trigger.repeat ?? 1) && !result.error; i++) result = await send(trigger);
      const { error, response } = result;
      const where = `${trigger.operation} (${trigger.why})`;
      expect(error, where).toBeInstanceOf(ApiError);
      const failure = error!;
      expect(failure.reason, where).toBe("status");
      expect(spec.operations[trigger.operation]!.statuses, `${where}: ${failure.status} is documented`).toContain(
        failure.status,
      );
      expect(failure.body, `${where}: a body of the documented shape`).toBeDefined();
      // The most specific code has its catalog's status (an envelope's top-level code may group several).
      const specific = failure.specificCode === undefined ? undefined : String(failure.specificCode);
      const entry = specific === undefined ? undefined : byCode.get(specific);
      if (entry) expect(entry.status, `${where}: ${specific} has its catalog's status`).toBe(failure.status);
      else if (specific !== undefined) {
        expect(
          spec.statuses[failure.status]?.codeRequired,
          `${where}: ${specific} is catalogued or its status code-less`,
        ).toBe(true);
      }
      for (const code of [failure.code, failure.specificCode]) if (byCode.has(String(code))) codes.add(String(code));
      const status = spec.statuses[failure.status]!;
      if (status.retryAfter) expect(response.headers.get("retry-after"), `${where}: Retry-After`).toMatch(/^\d+$/);
      if (spec.shape.correlationHeader) expect(failure.correlationId, `${where}: the correlation id`).toBeTruthy();
      reached.push(
        `${trigger.operation} ${failure.status} ${failure.specificCode ?? "(no code)"}${failure.code !== failure.specificCode ? ` (${failure.code})` : ""}`,
      );
    }
    console.log(`${api}: ${reached.length} errors reached\n  ${reached.join("\n  ")}`);
    expect([...codes].sort()).toEqual([...byCode.keys()].sort());
  });
});

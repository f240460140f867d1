/**
 * Every documented error, end to end: Prism serves each bundled API on 127.0.0.1, and the
 * generated client asks for each catalog example (`Prefer: code=…, example=…`) and for every
 * error status each operation documents. Codes come from the catalog, never from this file.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../scripts/mock/prism.js";
import { ApiError, loadClient, type LooseClient } from "./helpers/clients.js";
import { repoRoot } from "./helpers/cli.js";
import {
  apiIds,
  bundlePath,
  catalog,
  headerExample,
  operations,
  operationWithExample,
  type Operation,
} from "./helpers/openapi.js";

const mocks = new Map<string, MockServer>();
const clients = new Map<string, LooseClient>();

beforeAll(async () => {
  await Promise.all(
    apiIds.map(async (api) => {
      const [mock, { create }] = await Promise.all([startMock(bundlePath(api), { port: 0 }), loadClient(api)]);
      mocks.set(api, mock);
      clients.set(api, create({ baseUrl: mock.url, headers: { Authorization: "Bearer x" }, retries: 0 }));
    }),
  );
});
afterAll(() => Promise.all([...mocks.values()].map((mock) => mock.close())));

const call = (api: string, op: Operation, prefer: string) =>
  clients.get(api)![op.method.toUpperCase()]!(op.route, { ...op.init, headers: { Prefer: prefer } });

const examples = catalog.families.flatMap((family) =>
  family.apis.map((api) => ({ api, family: family.id, errors: family.errors })),
);

describe.each(examples)("every catalog example of $api", ({ api, family, errors }) => {
  it.each(errors.map((error) => ({ ...error, name: `${error.example} (${error.status} ${error.code})` })))(
    "$name",
    async (error) => {
      const op = operationWithExample(api, error.status, error.example);
      expect(op, `no operation of ${api} lists ${error.example} under ${error.status}`).toBeDefined();
      const { data, error: failure, response } = await call(api, op!, `code=${error.status}, example=${error.example}`);
      expect(data).toBeUndefined();
      expect(failure).toBeInstanceOf(ApiError);
      expect(response.status).toBe(error.status);
      expect(failure).toMatchObject({
        status: error.status,
        reason: "status",
        family,
        specificCode: error.code,
        attempts: 1,
      });
      if (error.kind === "code") expect(failure!.code).toBe(error.code);
      expect(failure!.catalog).toMatchObject({
        message: error.message,
        retryable: error.retryable,
        status: error.status,
      });
      expect(failure!.body).toBeDefined();

      // The correlation id the contract's example carries: a header, or a sales body's activityId.
      const documented = op!.responses.get(error.status)!;
      const fromHeader = headerExample(api, documented, /correlation/i);
      const fromBody = (failure!.raw as { activityId?: string }).activityId;
      expect(failure!.correlationId).toBe(fromHeader ?? fromBody);

      const retryAfter = headerExample(api, documented, /^retry-after$/i);
      expect(failure!.retryAfterMs).toBe(retryAfter === undefined ? undefined : Number(retryAfter) * 1000);
    },
  );
});

describe.each(apiIds)("every documented error status of %s", (api) => {
  const cases = operations(api).flatMap((op) =>
    [...op.responses.keys()]
      .filter((status) => status >= 400)
      .map((status) => ({ op, status, name: `${op.method.toUpperCase()} ${op.route} ${status}` })),
  );
  it.each(cases)("$name", async ({ op, status }) => {
    const { error } = await call(api, op, `code=${status}`);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, reason: "status", attempts: 1 });
    expect(error!.body, "the documented body of a documented status").toBeDefined();
  });
});

describe("npm run mock", () => {
  it("serves an API's documented errors on localhost until stopped", async () => {
    const api = apiIds[0]!;
    const family = catalog.families.find((f) => f.apis.includes(api))!;
    const error = family.errors[0]!;
    // Its own process group, so that a SIGINT reaches npm, the command and Prism, as Ctrl-C does.
    const child = spawn("npm", ["run", "--silent", "mock", "--", api, "--port", "0"], {
      cwd: repoRoot,
      env: { ...process.env, SCARF_ANALYTICS: "false" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // Already gone.
      }
    };
    const exited = new Promise<string>((resolve) =>
      child.once("exit", (code, signal) => resolve(signal ?? String(code))),
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const found = /on (http:\/\/127\.0\.0\.1:\d+) \(Prism\)/.exec(output);
          if (found) resolve(found[1]!);
        });
        child.once("exit", (code) => reject(new Error(`npm run mock exited with ${code}: ${output}`)));
      });
      const { create } = await loadClient(api);
      const op = operationWithExample(api, error.status, error.example)!;
      const { error: failure } = await create({ baseUrl: url, headers: { Authorization: "Bearer x" }, retries: 0 })[
        op.method.toUpperCase()
      ]!(op.route, {
        ...op.init,
        headers: { Prefer: `code=${error.status}, example=${error.example}` },
      });
      expect(failure).toMatchObject({ status: error.status, specificCode: error.code });
      signal("SIGINT");
      // npm re-raises the SIGINT it got; the command itself ends with 0.
      expect(["0", "SIGINT"]).toContain(await exited);
      // Prism went with it: nothing listens any more.
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      signal("SIGKILL");
    }
  });
});

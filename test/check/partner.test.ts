/**
 * `check` in-process against a Partner API server on 127.0.0.1: the conforming server gives no
 * finding and reaches every status a trigger aims at; each defect switched on alone gives exactly
 * its rule, at its operations, and nothing else.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkApi, type CheckOptions } from "../../scripts/check/run.js";
import { startHttpServer, type TestServer } from "../helpers/servers.js";
import { type PartnerDefect, startPartner } from "./servers/partner.js";

const spec = "generated/partner/openapi.yaml";
const options: CheckOptions = {
  token: "test-token",
  tokenLow: "test-token-low",
  allowWrites: true,
  rateLimitProbe: 40,
};
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The findings as `rule level operation status`, sorted and unique. */
async function findingsAgainst(defect: PartnerDefect | undefined, rateLimit = 30): Promise<string[]> {
  server = await startPartner(defect, rateLimit);
  const { findings } = await checkApi(spec, server.url, options);
  return [...new Set(findings.map((f) => `${f.rule} ${f.level} ${f.operation} ${f.status}`))].sort();
}

describe("check against a Partner API server", () => {
  it("finds nothing on the conforming server, and reaches every status a trigger aims at", async () => {
    server = await startPartner(undefined, 30);
    const result = await checkApi(spec, server.url, options);
    expect(result.findings).toEqual([]);
    expect(result.coverage.filter((row) => row.state === "not-triggered")).toEqual([]);
    const reached = result.coverage
      .filter((row) => row.state === "triggered-valid")
      .map((r) => `${r.operation} ${r.status}`);
    expect(reached).toEqual(
      expect.arrayContaining([
        "GET /customers 401",
        "GET /customers 403",
        "GET /customers 406",
        "GET /customers 429",
        "DELETE /customers/{customerId} 400",
        "DELETE /customers/{customerId} 404",
        "DELETE /customers/{customerId} 405",
        "DELETE /customers/{customerId} 412",
      ]),
    );
    expect(result.requests).toBe(31); // the figure README.md and scripts/check/README.md give
    expect(server.count).toBe(31);
  });

  it("is deterministic under a seed: the same requests in the same order", async () => {
    server = await startPartner(undefined);
    const urls = async (seed: number) => {
      const sent: string[] = [];
      await checkApi(spec, server!.url, {
        ...options,
        rateLimitProbe: 0,
        seed,
        onExchange: (e) => sent.push(JSON.stringify(e.request)),
      });
      return sent;
    };
    const first = await urls(7);
    expect(await urls(7)).toEqual(first);
    expect(await urls(8)).not.toEqual(first);
  });

  it("without a token or --allow-writes sends only what needs neither: no token, a token no server issued", async () => {
    server = await startPartner();
    const sent: string[] = [];
    const result = await checkApi(spec, server.url, {
      onExchange: (e) => sent.push(`${e.request.method} ${e.trigger?.kind}`),
    });
    expect(result.findings).toEqual([]);
    expect(new Set(sent)).toEqual(
      new Set(["GET auth-missing", "GET auth-malformed", "DELETE auth-missing", "DELETE auth-malformed"]),
    );
    const missed = result.coverage.filter((r) => r.state === "not-triggered").map((r) => `${r.operation} ${r.status}`);
    expect(missed).toEqual(
      expect.arrayContaining(["GET /customers/{customerId} 404", "DELETE /customers/{customerId} 412"]),
    );
  });

  it("stays within --max-requests, and says so", async () => {
    server = await startPartner();
    const result = await checkApi(spec, server.url, { ...options, maxRequests: 5 });
    expect(result.requests).toBe(5);
    expect(server.count).toBe(5);
    expect(result.stopped).toBe("stopped after 5 requests (--max-requests)");
    expect(result.coverage.some((row) => row.state === "not-triggered")).toBe(true);
  });

  it("never follows a redirect off its origin: the redirect is judged, the other server gets nothing", async () => {
    const elsewhere = await startHttpServer((_request, response) => response.end("{}"));
    try {
      server = await startHttpServer((request, response) => {
        response.writeHead(302, { location: `${elsewhere.url}${request.url}` });
        response.end();
      });
      const result = await checkApi(spec, server.url, options);
      expect(elsewhere.count).toBe(0);
      expect(server.count).toBe(result.requests);
      expect(new Set(result.findings.map((f) => `${f.rule} ${f.status}`))).toEqual(
        new Set(["status-undocumented 302"]),
      );
    } finally {
      await elsewhere.close();
    }
  });

  it("reports a request the server does not answer within --timeout as no-response, and goes on", async () => {
    server = await startHttpServer((request, response) => {
      if (request.method === "DELETE") return; // never answered; closed in teardown
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "unAuthorized", message: "no" } }));
    });
    const started = Date.now();
    const result = await checkApi(spec, server.url, { token: "test-token", timeout: 200 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const silent = result.findings.filter((f) => f.rule === "no-response");
    expect(silent.length).toBeGreaterThan(0);
    expect(
      silent.every(
        (f) => f.operation === "DELETE /customers/{customerId}" && f.message.includes("no answer within 200 ms"),
      ),
    ).toBe(true);
  });

  it.each<[PartnerDefect, string[]]>([
    [
      "auth-ignored",
      [
        "GET /customers",
        "GET /customers/{customerId}",
        "DELETE /customers/{customerId}",
        "GET /customers/{customerId}/usage",
      ].map((op) => `trigger-accepted error ${op} ${op.startsWith("DELETE") ? 204 : 200}`),
    ],
    [
      "html-404",
      ["GET /customers/{customerId}", "DELETE /customers/{customerId}", "GET /customers/{customerId}/usage"].map(
        (op) => `content-type error ${op} 404`,
      ),
    ],
    ["no-retry-after", ["header-missing error GET /customers 429"]],
    ["bad-retry-after", ["header-invalid error GET /customers 429"]],
    ["stack-trace", ["error-leak warning DELETE /customers/{customerId} 400"]],
    ["stale-etag-accepted", ["trigger-accepted error DELETE /customers/{customerId} 204"]],
    [
      "undocumented-status",
      ["GET /customers", "GET /customers/{customerId}", "GET /customers/{customerId}/usage"].map(
        (op) => `status-undocumented error ${op} 409`,
      ),
    ],
  ])("%s: exactly its rule", async (defect, expected) => {
    expect(await findingsAgainst(defect)).toEqual([...expected].sort());
  });
});

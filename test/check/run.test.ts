/**
 * How a `check` run behaves, in-process against the Partner API's reference server and small
 * servers on 127.0.0.1: the same requests under a seed, only what needs no token or writes without
 * them, its request budget, no redirect followed, an unanswered request. (What each rule finds:
 * reference.test.ts.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkApi, type CheckOptions } from "../../scripts/check/run.js";
import { startHttpServer, type TestServer } from "../helpers/servers.js";
import { FULL_TOKEN, LOW_TOKEN, startReference } from "../helpers/reference.js";

const spec = "generated/partner/openapi.yaml";
const options: CheckOptions = {
  token: FULL_TOKEN,
  tokenLow: LOW_TOKEN,
  allowWrites: true,
  rateLimitProbe: 40,
};
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("a check run", () => {
  it("is deterministic under a seed: the same requests in the same order", async () => {
    server = await startReference("partner");
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
    server = await startReference("partner");
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

  it("with a token but without --allow-writes sends an unsafe method only in a request no server can act on", async () => {
    server = await startReference("partner");
    const unsafe: string[] = [];
    await checkApi(spec, server.url, {
      token: FULL_TOKEN,
      rateLimitProbe: 0,
      onExchange: (e) => {
        if (!["GET", "HEAD", "OPTIONS"].includes(e.request.method))
          unsafe.push(`${e.request.method} ${e.trigger?.kind}`);
      },
    });
    const kinds = new Set(unsafe.map((sent) => sent.split(" ")[1]));
    expect(unsafe.length).toBeGreaterThan(0);
    expect([...kinds].sort()).toEqual(
      [...kinds]
        .filter((k) =>
          ["auth-missing", "auth-malformed", "malformed-json", "missing-body", "unsupported-media-type"].includes(k!),
        )
        .sort(),
    );
  });

  it("stays within --max-requests, and says so", async () => {
    server = await startReference("partner");
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

  it("with --allow-writes, sends an unknown id by an unsafe method only where the operation documents 404", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-create-"));
    try {
      // PUT /things/{id} creates what it names and documents no 404: a 201 to an unknown id is what it does.
      const things = `openapi: 3.1.0
info: {title: Things, version: "1"}
paths:
  /things/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string, pattern: "^[a-z0-9]{4,12}$"}}]
    put:
      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}
      responses:
        "201": {description: Created.}
        "400": {description: Bad request., content: {application/json: {schema: {type: object}}}}
`;
      fs.writeFileSync(path.join(dir, "openapi.yaml"), things);
      server = await startHttpServer((_request, response) => {
        response.writeHead(201);
        response.end();
      });
      const kinds: string[] = [];
      const result = await checkApi(path.join(dir, "openapi.yaml"), server.url, {
        allowWrites: true,
        rateLimitProbe: 0,
        onExchange: (e) => kinds.push(e.trigger?.kind ?? "valid"),
      });
      expect(kinds).not.toContain("unknown-id");
      expect(result.findings.filter((f) => f.message.includes("the contract expects 404"))).toEqual([]);
      // Where the PUT documents 404, an unknown id must fail, and a 201 is a finding.
      fs.writeFileSync(
        path.join(dir, "openapi.yaml"),
        things.replace('"400":', '"404": {description: Not found.}\n        "400":'),
      );
      const withNotFound = await checkApi(path.join(dir, "openapi.yaml"), server.url, {
        allowWrites: true,
        rateLimitProbe: 0,
      });
      const unknown = withNotFound.findings.filter(
        (f) => f.rule === "trigger-accepted" && f.message.startsWith("unknown"),
      );
      expect(unknown.map((f) => f.message)).toEqual([
        expect.stringMatching(/^unknown id=\S+ was accepted with 201; the contract expects 404$/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a request the server does not answer within --timeout as no-response, and goes on", async () => {
    server = await startHttpServer((request, response) => {
      if (request.method === "DELETE") return; // never answered; closed in teardown
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "unAuthorized", message: "no" } }));
    });
    const started = Date.now();
    const result = await checkApi(spec, server.url, { token: FULL_TOKEN, timeout: 200 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const silent = result.findings.filter((f) => f.rule === "no-response");
    expect(silent.length).toBeGreaterThan(0);
    expect(
      silent.every(
        (f) => f.operation === "DELETE /customers/{customerId}" && f.message.includes("no answer within 200 ms"),
      ),
    ).toBe(true);
  });
});

// biome-ignore-all lint/style/noExcessiveLinesPerFile: one hostile server, which every case drives
/**
 * A hostile server: whatever bytes it sends, every call ends in a typed ApiError, within its
 * time budget (the per-test timeout), with bounded retries, no unhandled rejection and no
 * prototype touched. The server is node:net on 127.0.0.1, so it can break HTTP itself.
 */
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessagingClient } from "../generated/messaging/client.js";
import { createReferralsClient, referralsErrors } from "../generated/referrals/client.js";
import { ApiError } from "@error-contracts/runtime";
import { startRawServer, type TestServer } from "./helpers/servers.js";

type Respond = (socket: net.Socket, n: number) => void;
/** A whole HTTP/1.1 response, connection closed after it. */
const http =
  (status: string, headers: Record<string, string | number>, body: string | Buffer = ""): Respond =>
  (socket) => {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    const lines = Object.entries({ "Content-Length": bytes.length, Connection: "close", ...headers }).map(
      ([k, v]) => `${k}: ${v}`,
    );
    socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${lines.join("\r\n")}\r\n\r\n`), bytes]));
  };
const json = "application/json";
const envelope = (error: unknown) => JSON.stringify({ error });

let respond: Respond = () => {};
let server: TestServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  server = await startRawServer((socket, n) => respond(socket, n));
});
afterAll(async () => {
  await server.close();
  // Give a stray rejection a turn to surface before looking.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

/** Serves `answer` and calls GET /referrals/{id}, both styles; returns the error and how many connections it took. */
async function hostile(answer: Respond, options: Record<string, unknown> = {}) {
  respond = answer;
  const before = server.count;
  const client = createReferralsClient({
    baseUrl: server.url,
    retryDelayMs: 1,
    maxRetryDelayMs: 2,
    timeoutMs: 2000,
    ...options,
  });
  const params = { params: { path: { referralId: "r-1" } } };
  const result = await client.GET("/referrals/{referralId}", params);
  expect(result.data).toBeUndefined();
  expect(result.error).toBeInstanceOf(ApiError);
  const thrown = await client.orThrow.GET("/referrals/{referralId}", params).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(ApiError);
  return { error: result.error!, response: result.response, connections: (server.count - before) / 2 };
}

describe("a hostile server", () => {
  it("HTML 502 from a proxy: a 502 ApiError with the HTML kept as text, retried a bounded number of times", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
    const { error, connections } = await hostile(http("502 Bad Gateway", { "Content-Type": "text/html" }, html), {
      retries: 2,
    });
    expect(error).toMatchObject({
      status: 502,
      reason: "status",
      code: undefined,
      body: undefined,
      raw: html,
      message: "HTTP 502",
      attempts: 3,
    });
    expect(connections).toBe(3);
  }, 10_000);

  it("an empty 500: a 500 ApiError", async () => {
    const { error, response } = await hostile(http("500 Internal Server Error", { "Content-Type": json }), {
      retries: 1,
    });
    expect(error).toMatchObject({ status: 500, code: undefined, raw: undefined, attempts: 2 });
    expect(response.status).toBe(500);
  }, 10_000);

  it("truncated JSON: kept as text, no code", async () => {
    const { error } = await hostile(
      http("400 Bad Request", { "Content-Type": json }, '{"error":{"code":"invalidRequest","mess'),
    );
    expect(error).toMatchObject({
      status: 400,
      code: undefined,
      body: undefined,
      raw: '{"error":{"code":"invalidRequest","mess',
      attempts: 1,
    });
  }, 10_000);

  it("a body cut off before its Content-Length: what came is kept", async () => {
    const { error } = await hostile((socket) => {
      socket.write(
        `HTTP/1.1 404 Not Found\r\nContent-Type: ${json}\r\nContent-Length: 500\r\n\r\n{"error":{"code":"itemNotFound"`,
      );
      setTimeout(() => socket.destroy(), 10);
    });
    expect(error).toMatchObject({ status: 404, code: undefined, raw: '{"error":{"code":"itemNotFound"', attempts: 1 });
  }, 10_000);

  it("a wrong content type: a JSON error sent as text/html is not trusted as JSON", async () => {
    const body = envelope({ code: "accessDenied", message: "No." });
    const { error } = await hostile(http("403 Forbidden", { "Content-Type": "text/html; charset=utf-8" }, body));
    expect(error).toMatchObject({ status: 403, code: undefined, raw: body, body: undefined });
  }, 10_000);

  it("a 2xx that is not JSON: an ApiError (invalid), not a SyntaxError", async () => {
    const { error, response } = await hostile(
      http("200 OK", { "Content-Type": "text/html" }, "<html>captive portal</html>"),
    );
    expect(error).toMatchObject({ status: 200, reason: "invalid", attempts: 1 });
    expect(response.status).toBe(200);
  }, 10_000);

  it("a 5 MB body: read up to maxErrorBodyBytes, kept as text", async () => {
    const big = envelope({ code: "generalException", message: "x".repeat(5 * 1024 * 1024) });
    const { error } = await hostile(http("500 Internal Server Error", { "Content-Type": json }, big), {
      retries: 0,
      maxErrorBodyBytes: 64 * 1024,
    });
    expect(error.status).toBe(500);
    expect(error.body).toBeUndefined();
    expect((error.raw as string).length).toBe(64 * 1024);
  }, 10_000);

  it("__proto__ and constructor keys: kept as data, no prototype touched, no catalog match", async () => {
    const body =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
      '"error":{"code":"__proto__","message":"m","__proto__":{"polluted":true},"innerError":{"code":"constructor","message":"m"}}}';
    const { error } = await hostile(http("400 Bad Request", { "Content-Type": json }, body));
    expect(error).toMatchObject({ status: 400, code: "__proto__", specificCode: "__proto__", catalog: undefined });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(error.raw)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
  }, 10_000);

  it("an innerError chain 1,000 levels deep: the deepest known code", async () => {
    const known = Object.keys(referralsErrors).filter(
      (code) => referralsErrors[code as keyof typeof referralsErrors].kind === "innerCode",
    );
    let inner = `{"code":"${known.at(-1)}","message":"deepest"}`;
    for (let level = 1; level < 1000; level++)
      inner = `{"code":"${level % 2 ? "0" : known[0]}","message":"m","innerError":${inner}}`;
    const { error } = await hostile(
      http(
        "400 Bad Request",
        { "Content-Type": json },
        `{"error":{"code":"invalidRequest","message":"m","innerError":${inner}}}`,
      ),
    );
    expect(error).toMatchObject({ code: "invalidRequest", specificCode: known.at(-1) });
  }, 10_000);

  describe("Retry-After", () => {
    const waits = async (retryAfter: string, retries = 1) => {
      const delays: number[] = [];
      const { error, connections } = await hostile(http("503 Service Unavailable", { "Retry-After": retryAfter }), {
        retries,
        retryDelayMs: 3,
        maxRetryDelayMs: 100,
        onRetry: (r: { delayMs: number }) => delays.push(r.delayMs),
      });
      return { error, connections, delays: [...new Set(delays)] };
    };

    it("negative: ignored, backoff used", async () => {
      const { error, delays, connections } = await waits("-30");
      expect(error).toMatchObject({ retryAfterMs: undefined, attempts: 2 });
      expect(connections).toBe(2);
      expect(delays.every((d) => d >= 1.5 && d <= 3)).toBe(true);
    }, 10_000);

    it("huge: the error at once, no sleeping", async () => {
      const { error, connections } = await waits("999999999999");
      expect(error).toMatchObject({ status: 503, retryAfterMs: 999_999_999_999_000, attempts: 1 });
      expect(connections).toBe(1);
    }, 10_000);

    it("an HTTP-date (with its comma): parsed whole; a past one means no wait", async () => {
      const { error, delays } = await waits("Thu, 01 Jan 2015 00:00:00 GMT");
      expect(error).toMatchObject({ retryAfterMs: 0, attempts: 2 });
      expect(delays).toEqual([0]);
      const future = await waits(new Date(Date.now() + 3_600_000).toUTCString());
      expect(future.error.attempts).toBe(1);
      expect(future.error.retryAfterMs).toBeGreaterThan(3_500_000);
    }, 10_000);

    it("garbage: ignored, backoff used", async () => {
      const { error, connections } = await waits("soon, maybe");
      expect(error).toMatchObject({ retryAfterMs: undefined, attempts: 2 });
      expect(connections).toBe(2);
    }, 10_000);
  });

  it("a reset connection: a network ApiError with status 0, retried a bounded number of times", async () => {
    const { error, response, connections } = await hostile((socket) => socket.resetAndDestroy(), { retries: 2 });
    expect(error).toMatchObject({ status: 0, reason: "network", attempts: 3, response: undefined });
    expect(response.status).toBe(0);
    expect(connections).toBe(3);
  }, 10_000);

  it("headers that never finish: each attempt times out, bounded", async () => {
    const { error, connections } = await hostile(
      (socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: 1"),
      { retries: 1, timeoutMs: 100 },
    );
    expect(error).toMatchObject({ status: 0, reason: "timeout", attempts: 2 });
    expect(connections).toBe(2);
  }, 10_000);

  // The tests below expect the status: their timeout leaves the headers time to come on a loaded machine (100 ms
  // did not, once in CI); the body never comes or never ends, so the timeout still ends each attempt.
  it("a 2xx body that never finishes: the attempt's timeout ends openapi-fetch's read too", async () => {
    const { error } = await hostile(
      (socket) => socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${json}\r\nContent-Length: 100\r\n\r\n{"id":`),
      { retries: 0, timeoutMs: 500 },
    );
    expect(error).toMatchObject({ status: 200, reason: "timeout", attempts: 1 });
  }, 10_000);

  it("an error body that never finishes: the status, with what came", async () => {
    const { error } = await hostile(
      (socket) =>
        socket.write(`HTTP/1.1 409 Conflict\r\nContent-Type: ${json}\r\nContent-Length: 100\r\n\r\n{"error":`),
      { retries: 0, timeoutMs: 500 },
    );
    expect(error).toMatchObject({ status: 409, reason: "status", raw: '{"error":', attempts: 1 });
  }, 10_000);

  it("a body labelled gzip that is not gzip: the attempt's timeout ends the read undici never ends", async () => {
    // No Content-Length: the body ends when the connection does.
    const gzipGarbage =
      (status: string): Respond =>
      (socket) =>
        socket.end(
          Buffer.concat([
            Buffer.from(
              `HTTP/1.1 ${status}\r\nContent-Type: ${json}\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n`,
            ),
            Buffer.from([0x20, 0x72, 0xc2, 0x38, 0x43]),
          ]),
        );
    const failed = await hostile(gzipGarbage("503 Service Unavailable"), { retries: 0, timeoutMs: 500 });
    expect(failed.error).toMatchObject({ status: 503, reason: "status", attempts: 1, raw: undefined });
    const ok = await hostile(gzipGarbage("200 OK"), { retries: 0, timeoutMs: 500 });
    expect(ok.error).toMatchObject({ status: 200, reason: "timeout", attempts: 1 });
  }, 10_000);

  it("problem+json with members of the wrong type and unknown extensions (messaging)", async () => {
    respond = http(
      "400 Bad Request",
      { "Content-Type": "application/problem+json; charset=utf-8", "x-ms-correlation-id": "c-1" },
      '{"title":{"x":1},"code":"30011","status":400,"traceId":"t"}',
    );
    const { error } = await createMessagingClient({ baseUrl: server.url }).GET(
      "/organizations/{orgId}/channels/{channelId}/conversations",
      { params: { path: { orgId: "o", channelId: "c" } } },
    );
    expect(error).toMatchObject({
      status: 400,
      code: undefined,
      correlationId: "c-1",
      body: { status: 400, traceId: "t" },
      message: "HTTP 400",
    });
  }, 10_000);
});

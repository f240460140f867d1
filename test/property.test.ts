/**
 * Property: for an arbitrary status, arbitrary headers and arbitrary body bytes sent by a real
 * server, a call ends in data or an ApiError, in both styles; nothing else is ever thrown.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessagingClient } from "../generated/messaging/client.js";
import { createReferralsClient } from "../generated/referrals/client.js";
import { ApiError } from "@error-contracts/runtime";
import { catalog } from "./helpers/openapi.js";
import { startRawServer, type TestServer } from "./helpers/servers.js";

interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

let answer: Answer;
let server: TestServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  server = await startRawServer((socket) => {
    const head = [
      `HTTP/1.1 ${answer.status} X`,
      ...answer.headers.map(([name, value]) => `${name}: ${value}`),
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    socket.end(Buffer.concat([Buffer.from(head, "latin1"), answer.body]));
  });
});
afterAll(async () => {
  await server.close();
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

const codes = catalog.families.flatMap((family) => family.errors.map((error) => error.code));
const headerName = fc.oneof(
  fc.constantFrom(
    "Content-Type",
    "Content-Length",
    "Retry-After",
    "retry-after-ms",
    "x-ms-correlation-id",
    "Transfer-Encoding",
    "Content-Encoding",
  ),
  fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/problem+json; charset=utf-8",
    "text/html",
    "chunked",
    "gzip",
    "0",
    "-1",
    "5",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "",
  ),
  fc.string({ maxLength: 30 }),
  fc.uint8Array({ maxLength: 20 }).map((bytes) =>
    Buffer.from(bytes)
      .toString("latin1")
      .replace(/[\r\n]/g, " "),
  ),
);
const errorLike = fc.record(
  {
    error: fc.record(
      {
        code: fc.oneof(fc.constantFrom(...codes), fc.jsonValue()),
        message: fc.jsonValue(),
        innerError: fc.jsonValue(),
        innererror: fc.record({ code: fc.constantFrom(...codes.map(String)), innerError: fc.jsonValue() }),
      },
      { requiredKeys: [] },
    ),
    code: fc.oneof(fc.constantFrom(...codes), fc.jsonValue()),
    errorCode: fc.jsonValue(),
    title: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? "")),
  errorLike.map((value) => Buffer.from(JSON.stringify(value))),
  errorLike.map((value) => Buffer.from(JSON.stringify(value).slice(0, -3))),
);
const answers = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
  body,
});

describe("any status, headers and body bytes", () => {
  const options = { retries: 1, retryDelayMs: 1, maxRetryDelayMs: 1, maxRetryAfterMs: 5, timeoutMs: 200 };
  const tupleCall = () =>
    createReferralsClient({ baseUrl: server.url, ...options }).GET("/referrals/{referralId}", {
      params: { path: { referralId: "r" } },
    });
  const throwingCall = () =>
    createMessagingClient({ baseUrl: server.url, ...options }).orThrow.GET(
      "/organizations/{orgId}/channels/{channelId}/conversations",
      {
        params: { path: { orgId: "o", channelId: "c" } },
      },
    );

  it("end in data or an ApiError, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (generated) => {
        answer = generated;
        const result = await tupleCall();
        if (result.error === undefined) {
          expect(result.response.ok).toBe(true);
        } else {
          expect(result.error).toBeInstanceOf(ApiError);
          expect(result.data).toBeUndefined();
          expect([0, generated.status]).toContain(result.error.status);
          expect(result.error.attempts).toBeGreaterThanOrEqual(1);
          expect(result.error.attempts).toBeLessThanOrEqual(2);
        }
        const thrown = await throwingCall().then(
          () => undefined,
          (error: unknown) => error,
        );
        if (thrown !== undefined) expect(thrown).toBeInstanceOf(ApiError);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

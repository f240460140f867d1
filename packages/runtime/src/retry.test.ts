import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessagingClient, messagingApi } from "../../../generated/messaging/client.js";
import { createPartnerClient, partnerApi } from "../../../generated/partner/client.js";
import { createReferralsClient } from "../../../generated/referrals/client.js";
import { salesApi } from "../../../generated/sales/client.js";
import { catalog } from "../../../test/helpers/openapi.js";
import { startHttpServer, type TestServer } from "../../../test/helpers/servers.js";
import { createApiError, type ApiError, type Failure } from "./errors.js";
import { defaultPolicy, retryDelay, type RetryPolicy } from "./retry.js";

const error = (status: number, extra: Partial<Failure> = {}, headers: Record<string, string> = {}) =>
  createApiError(partnerApi, {
    reason: "status",
    response: new Response(null, { status, headers }),
    attempts: 1,
    ...extra,
  });
const request = (method: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/x", { method, headers });
const policy: RetryPolicy = { ...defaultPolicy };
const delay = (e: ApiError, method = "GET", headers: Record<string, string> = {}, attempt = 1, random = 0.5) =>
  retryDelay(e, request(method, headers), attempt, policy, random);

describe("retryDelay: what is retried", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries %i", (status) => expect(delay(error(status))).toBeGreaterThan(0));
  it.each([400, 401, 404, 409, 412, 501, 505, 509])("never retries %i", (status) =>
    expect(delay(error(status))).toBe(-1),
  );

  it("retries network failures and timeouts, never an abort or an unreadable 2xx", () => {
    expect(delay(createApiError(partnerApi, { reason: "network", attempts: 1 }))).toBeGreaterThan(0);
    expect(delay(createApiError(partnerApi, { reason: "timeout", attempts: 1 }))).toBeGreaterThan(0);
    expect(delay(createApiError(partnerApi, { reason: "aborted", attempts: 1 }))).toBe(-1);
    expect(
      delay(
        createApiError(partnerApi, { reason: "invalid", attempts: 1, response: new Response(null, { status: 200 }) }),
      ),
    ).toBe(-1);
  });

  it("retries POST and PATCH only on 429 or with an Idempotency-Key; PUT and DELETE like GET", () => {
    for (const method of ["POST", "PATCH"]) {
      expect(delay(error(503), method)).toBe(-1);
      expect(delay(createApiError(partnerApi, { reason: "network", attempts: 1 }), method)).toBe(-1);
      expect(delay(error(429), method)).toBeGreaterThan(0);
      expect(delay(error(503), method, { "Idempotency-Key": "k-1" })).toBeGreaterThan(0);
    }
    for (const method of ["PUT", "DELETE"]) expect(delay(error(503), method)).toBeGreaterThan(0);
  });

  it("does not retry a transient status whose catalog code is final", () => {
    const final = catalog.families
      .find((f) => f.id === "messaging")!
      .errors.find((e) => e.status >= 500 && !e.retryable)!;
    const e = createApiError(messagingApi, {
      reason: "status",
      response: new Response(null, { status: final.status }),
      raw: { code: final.code },
      attempts: 1,
    });
    expect(e.catalog?.retryable).toBe(false);
    expect(delay(e)).toBe(-1);
  });
});

describe("retryDelay: a catalog that calls a code retryable", () => {
  it("does not make a non-transient status retried", () => {
    const retryable = catalog.families.find((f) => f.id === "sales")!.errors.find((e) => e.retryable)!;
    for (const status of [400, 404, 409, 422]) {
      const e = createApiError(salesApi, {
        reason: "status",
        response: new Response(null, { status }),
        raw: { errorCode: retryable.code },
        attempts: 1,
      });
      expect(e.catalog?.retryable, `${retryable.code} is retryable in the catalog`).toBe(true);
      expect(delay(e), `status ${status}`).toBe(-1);
    }
  });
});

describe("retryDelay: how long", () => {
  it("backs off from retryDelayMs, doubling, with jitter ×0.5–1, capped at maxRetryDelayMs", () => {
    expect(delay(error(503), "GET", {}, 1, 0)).toBe(500);
    expect(delay(error(503), "GET", {}, 1, 1)).toBe(1000);
    expect(delay(error(503), "GET", {}, 2, 1)).toBe(2000);
    expect(delay(error(503), "GET", {}, 3, 0.5)).toBe(3000);
    expect(delay(error(503), "GET", {}, 20, 1)).toBe(60_000);
    expect(delay(error(503), "GET", {}, 20, 0)).toBe(30_000);
  });

  it("waits what the server asks, up to maxRetryAfterMs; longer returns the error at once", () => {
    expect(delay(error(503, {}, { "retry-after": "2" }))).toBe(2000);
    expect(delay(error(429, {}, { "retry-after-ms": "150", "retry-after": "2" }))).toBe(150);
    expect(delay(error(503, {}, { "retry-after": "60" }))).toBe(60_000);
    expect(delay(error(503, {}, { "retry-after": "61" }))).toBe(-1);
    expect(delay(error(503, {}, { "retry-after": "garbage" }), "GET", {}, 1, 1)).toBe(1000);
  });
});

describe("the retrying fetch, against a real server", () => {
  let server: TestServer;
  /** Each request gets the next scripted answer; the last one repeats. */
  let script: { status: number; headers?: Record<string, string>; body?: string; hang?: boolean }[] = [];
  let base = 0;
  const seen: { method: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  beforeAll(async () => {
    server = await startHttpServer((req, res, n, body) => {
      seen.push({ method: req.method!, headers: req.headers, body });
      const answer = script[Math.min(n - base - 1, script.length - 1)]!;
      if (answer.hang) return;
      res.writeHead(answer.status, answer.headers ?? { "content-type": "application/json" });
      res.end(answer.body ?? (answer.status < 300 ? '{"value":[]}' : ""));
    });
  });
  afterAll(() => server.close());
  const fresh = (answers: typeof script) => {
    script = answers;
    seen.length = 0;
    base = server.count;
    return () => server.count - base;
  };
  const fast = { retryDelayMs: 1, maxRetryDelayMs: 5 };

  it("retries until a success and returns the data", async () => {
    const requests = fresh([{ status: 503 }, { status: 502 }, { status: 200 }]);
    const retries: number[] = [];
    const client = createPartnerClient({ baseUrl: server.url, ...fast, onRetry: (r) => retries.push(r.attempt) });
    const { data, error } = await client.GET("/customers");
    expect(error).toBeUndefined();
    expect(data).toEqual({ value: [] });
    expect(requests()).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it("gives up after `retries`, with the last error and the attempts it took", async () => {
    const requests = fresh([{ status: 503, body: '{"error":{"code":"serviceNotAvailable","message":"busy"}}' }]);
    const { error } = await createPartnerClient({ baseUrl: server.url, ...fast }).GET("/customers");
    expect(error).toMatchObject({ status: 503, attempts: 4, code: "serviceNotAvailable", message: "busy" });
    expect(requests()).toBe(4);
  });

  it("never retries 501 or 505", async () => {
    for (const status of [501, 505]) {
      const requests = fresh([{ status }]);
      const { error } = await createPartnerClient({ baseUrl: server.url, ...fast }).GET("/customers");
      expect(error).toMatchObject({ status, attempts: 1 });
      expect(requests()).toBe(1);
    }
  });

  it("retries a POST only on 429, and resends the same body each time", async () => {
    const client = createReferralsClient({ baseUrl: server.url, ...fast });
    const post = (headers: Record<string, string> = {}) =>
      client.POST("/referrals/{referralId}/invitations", {
        params: { path: { referralId: "r-1" } },
        body: { partnerTenantId: "t-1" },
        headers,
      });

    let requests = fresh([{ status: 503 }]);
    expect((await post()).error).toMatchObject({ status: 503, attempts: 1 });
    expect(requests()).toBe(1);

    requests = fresh([
      { status: 429, headers: { "retry-after-ms": "1" } },
      { status: 429, headers: { "retry-after-ms": "1" } },
      { status: 202 },
    ]);
    expect((await post()).error).toBeUndefined();
    expect(requests()).toBe(3);
    expect(new Set(seen.map((s) => s.body))).toEqual(new Set(['{"partnerTenantId":"t-1"}']));

    requests = fresh([{ status: 503 }, { status: 202 }]);
    expect((await post({ "Idempotency-Key": "k-1" })).error).toBeUndefined();
    expect(requests()).toBe(2);
    expect(seen.map((s) => s.body)).toEqual(['{"partnerTenantId":"t-1"}', '{"partnerTenantId":"t-1"}']);
  });

  it("sends one client-made correlation id on every attempt where the family uses the header, and reports it", async () => {
    fresh([{ status: 500 }]);
    const client = createMessagingClient({ baseUrl: server.url, ...fast, retries: 2 });
    const { error } = await client.GET("/organizations/{orgId}/channels/{channelId}/conversations", {
      params: { path: { orgId: "o", channelId: "c" } },
    });
    const ids = seen.map((s) => s.headers["x-ms-correlation-id"]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(error?.correlationId).toBe(ids[0]);

    fresh([{ status: 400 }]);
    await client.GET("/organizations/{orgId}/channels/{channelId}/conversations", {
      params: { path: { orgId: "o", channelId: "c" } },
      headers: { "x-ms-correlation-id": "mine" },
    });
    expect(seen[0]!.headers["x-ms-correlation-id"]).toBe("mine");

    fresh([{ status: 500 }]);
    await createPartnerClient({ baseUrl: server.url, retries: 0 }).GET("/customers");
    expect(seen[0]!.headers["x-ms-correlation-id"]).toBeUndefined();
  });

  it("returns at once when the server asks for a wait longer than maxRetryAfterMs", async () => {
    const requests = fresh([{ status: 503, headers: { "retry-after": "3600" } }]);
    const { error } = await createPartnerClient({ baseUrl: server.url, ...fast }).GET("/customers");
    expect(error).toMatchObject({ status: 503, attempts: 1, retryAfterMs: 3_600_000 });
    expect(requests()).toBe(1);
  });

  it("honours retry-after-ms as the wait", async () => {
    fresh([{ status: 429, headers: { "retry-after-ms": "3" } }, { status: 200 }]);
    const waits: number[] = [];
    await createPartnerClient({ baseUrl: server.url, onRetry: (r) => waits.push(r.delayMs) }).GET("/customers");
    expect(waits).toEqual([3]);
  });

  it("an AbortSignal ends a backoff wait at once", async () => {
    fresh([{ status: 503 }]);
    const controller = new AbortController();
    const client = createPartnerClient({
      baseUrl: server.url,
      retryDelayMs: 60_000,
      onRetry: () => controller.abort(),
    });
    const { error } = await client.GET("/customers", { signal: controller.signal });
    expect(error).toMatchObject({ status: 0, reason: "aborted", attempts: 1 });
    expect((error!.cause as ApiError).status).toBe(503);
  }, 5000);

  it("limits each attempt with timeoutMs, and retries a timed-out GET", async () => {
    const requests = fresh([{ status: 200, hang: true }]);
    const { error } = await createPartnerClient({ baseUrl: server.url, ...fast, retries: 1, timeoutMs: 50 }).GET(
      "/customers",
    );
    expect(error).toMatchObject({ status: 0, reason: "timeout", attempts: 2 });
    expect(requests()).toBe(2);
  }, 5000);

  it("takes every number per call over the client's", async () => {
    const requests = fresh([{ status: 503 }]);
    const client = createPartnerClient({ baseUrl: server.url, retries: 0, retryDelayMs: 60_000 });
    const { error } = await client.GET("/customers", { retries: 2, ...fast });
    expect(error?.attempts).toBe(3);
    expect(requests()).toBe(3);
    const again = fresh([{ status: 503 }]);
    expect((await client.GET("/customers")).error?.attempts).toBe(1);
    expect(again()).toBe(1);
  });
});

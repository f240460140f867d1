import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths as ReferralsPaths } from "../../../generated/referrals/types.js";
import { createReferralsClient, isReferralsError } from "../../../generated/referrals/client.js";
import { isSalesError } from "../../../generated/sales/client.js";
import { startHttpServer, type TestServer } from "../../../test/helpers/servers.js";
import { ApiError } from "./errors.js";

/** Routes by path: `/status/<code>` answers that status with `?body=` and `?type=`; `/referrals/ok` a referral. */
let server: TestServer;
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const [, , id] = url.pathname.split("/");
    if (id === "ok") {
      res.writeHead(200, { "content-type": "application/json", etag: '"e-1"' });
      res.end('{"id":"ok","name":"Contoso","status":"New"}');
      return;
    }
    if (id === "bad-json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":');
      return;
    }
    const status = Number(id);
    const body = url.searchParams.get("body") ?? "";
    res.writeHead(status, {
      "content-length": Buffer.byteLength(body),
      ...(url.searchParams.has("type") ? { "content-type": url.searchParams.get("type")! } : {}),
    });
    res.end(body);
  });
});
afterAll(() => server.close());

const client = () => createReferralsClient({ baseUrl: server.url, retries: 0 });
const get = (referralId: string, query: Record<string, string> = {}) =>
  client().GET("/referrals/{referralId}", {
    params: { path: { referralId } },
    baseUrl: `${server.url}`,
    querySerializer: () => new URLSearchParams(query).toString(),
  });

describe("the { data, error, response } style", () => {
  it("returns openapi-fetch's data and response on success", async () => {
    const { data, error, response } = await get("ok");
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: "ok", name: "Contoso", status: "New" });
    expect(response.headers.get("etag")).toBe('"e-1"');
  });

  it("sets error on an empty 503, where bare openapi-fetch leaves it undefined", async () => {
    const bare = await createClient<ReferralsPaths>({ baseUrl: server.url }).GET("/referrals/{referralId}", {
      params: { path: { referralId: "503" } },
    });
    expect(bare.response.status).toBe(503);
    expect(bare.error).toBeUndefined();

    const { data, error, response } = await get("503");
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, reason: "status", family: "referrals", code: undefined, attempts: 1 });
    expect(response.status).toBe(503);
  });

  it("gives the documented body, the codes and the catalog entry of an error", async () => {
    const body = JSON.stringify({
      error: { code: "itemNotFound", message: "Gone.", innerError: { code: "99904", message: "Resource not found" } },
    });
    const { error } = await get("404", { body, type: "application/json; charset=utf-8" });
    expect(isReferralsError(error)).toBe(true);
    expect(isSalesError(error)).toBe(false);
    expect(error).toMatchObject({
      status: 404,
      code: "itemNotFound",
      specificCode: "99904",
      message: "Gone.",
      catalog: { status: 404, message: "Resource not found" },
    });
    expect(error?.body).toEqual(JSON.parse(body));
  });

  it("turns a 2xx whose JSON is malformed into an ApiError, not a SyntaxError", async () => {
    const { error, response } = await get("bad-json");
    expect(error).toMatchObject({ status: 200, reason: "invalid", body: undefined });
    expect(error?.cause).toBeInstanceOf(SyntaxError);
    expect(response.status).toBe(200);
  });

  it("makes an ApiError of a non-2xx that middleware answered with", async () => {
    const c = client();
    c.use({
      onRequest: () =>
        new Response('{"error":{"code":"accessDenied","message":"No."}}', {
          status: 403,
          headers: { "content-type": "application/json" },
        }),
    });
    const { error } = await c.GET("/referrals/{referralId}", { params: { path: { referralId: "ok" } } });
    expect(error).toMatchObject({ status: 403, code: "accessDenied", message: "No.", attempts: 0 });
  });

  it("sends through the client's or the call's fetch, under the retries", async () => {
    const sent: string[] = [];
    const transport = (name: string) => (request: Request, init?: RequestInit) => {
      sent.push(name);
      return fetch(request, init);
    };
    const c = createReferralsClient({ baseUrl: server.url, fetch: transport("client"), retries: 1, retryDelayMs: 1 });
    await c.GET("/referrals/{referralId}", { params: { path: { referralId: "503" } } });
    await c.GET("/referrals/{referralId}", { params: { path: { referralId: "503" } }, fetch: transport("call") });
    expect(sent).toEqual(["client", "client", "call", "call"]);
  });

  it("still throws a caller's mistake that stops the request from being built", async () => {
    const c = client();
    c.use({
      onRequest: () => {
        throw new RangeError("bad middleware");
      },
    });
    await expect(c.GET("/referrals/{referralId}", { params: { path: { referralId: "ok" } } })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("the throwing style", () => {
  it("resolves to { data, response }", async () => {
    const { data, response } = await client().orThrow.GET("/referrals/{referralId}", {
      params: { path: { referralId: "ok" } },
    });
    expect(data.name).toBe("Contoso");
    expect(response.status).toBe(200);
  });

  it("rejects with the ApiError", async () => {
    const failed = client().orThrow.GET("/referrals/{referralId}", { params: { path: { referralId: "412" } } });
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ status: 412 });
  });
});

/**
 * The adapters and error handlers in real servers on 127.0.0.1 (port 0), each closed in teardown:
 * `node:http` with `sendNode`, Express, Hono on `@hono/node-server`, Fastify. Every server answers
 * the same routes: a `ContractError` thrown, an unexpected exception, a JSON body that does not parse
 * (plain `node:http` through `responseFor`, what the handlers share).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessagingClient } from "../../../generated/messaging/client.js";
import { messagingServer } from "../../../generated/messaging/server.js";
import { partnerServer } from "../../../generated/partner/server.js";
import { referralsServer } from "../../../generated/referrals/server.js";
import { sendNode } from "./adapters.js";
import { ContractError } from "./contract-error.js";
import { expressErrorHandler, fastifyErrorHandler, honoErrorHandler, responseFor } from "./handlers.js";

const kit = messagingServer;
const tooLong = () => new ContractError(kit.create(30011, { correlationId: "c-30011", message: "6001 characters" }));
const limited = () => new ContractError(kit.forStatus(429, { retryAfter: 7 }));
const conversations = "/organizations/o-1/channels/c-1/conversations";
const boom = () => {
  throw new Error("database password is hunter2");
};

interface Started {
  url: string;
  close(): Promise<void>;
}

const listen = (server: http.Server): Promise<Started> =>
  new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });

/** The same routes in each framework. */
const servers: Record<string, () => Promise<Started>> = {
  "node:http + sendNode": () =>
    listen(
      http.createServer(async (req, res) => {
        try {
          if (req.url === "/contract") throw tooLong();
          if (req.url === conversations) throw limited();
          if (req.url === "/boom") boom();
          let text = "";
          for await (const chunk of req) text += chunk;
          res.end(JSON.stringify(JSON.parse(text)));
        } catch (error) {
          sendNode(res, responseFor(kit, error, req.headers["x-ms-correlation-id"] as string | undefined));
        }
      }),
    ),
  express: () => {
    const app = express();
    app.use(express.json());
    app.get("/contract", () => {
      throw tooLong();
    });
    app.get(conversations, () => {
      throw limited();
    });
    app.get("/boom", boom);
    app.post("/json", (req, res) => {
      res.json(req.body);
    });
    app.use(expressErrorHandler(kit));
    return listen(http.createServer(app));
  },
  hono: async () => {
    const app = new Hono();
    app.onError(honoErrorHandler(kit));
    app.get("/contract", () => {
      throw tooLong();
    });
    app.get(conversations, () => {
      throw limited();
    });
    app.get("/boom", boom);
    app.post("/json", async (c) => c.json(await c.req.json()));
    return new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      });
    });
  },
  fastify: async () => {
    const app = Fastify();
    app.setErrorHandler(fastifyErrorHandler(kit));
    app.get("/contract", async () => {
      throw tooLong();
    });
    app.get(conversations, async () => {
      throw limited();
    });
    app.get("/boom", async () => boom());
    app.post("/json", async (request) => request.body);
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    return { url, close: () => app.close() };
  },
};

describe.each(Object.keys(servers))("%s", (name) => {
  let server: Started;
  beforeAll(async () => {
    server = await servers[name]!();
  });
  afterAll(() => server.close());

  it("sends a ContractError as documented: status, media type, headers, body", async () => {
    const response = await fetch(`${server.url}/contract`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-ms-correlation-id")).toBe("c-30011");
    expect(await response.json()).toMatchObject({ code: 30011, status: 400, detail: "6001 characters" });
  });

  it("carries Retry-After, and the generated client reads it all as an ApiError", async () => {
    const client = createMessagingClient({ baseUrl: server.url, retries: 0 });
    const { error } = await client.GET("/organizations/{orgId}/channels/{channelId}/conversations", {
      params: { path: { orgId: "o-1", channelId: "c-1" } },
    });
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000 });
    expect(error!.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends anything else as the documented 500, with the request's correlation id and no trace of it", async () => {
    const response = await fetch(`${server.url}/boom`, { headers: { "x-ms-correlation-id": "from-the-client" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-ms-correlation-id")).toBe("from-the-client");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 30015 });
    expect(text).not.toContain("hunter2");
  });

  it("answers a JSON body that does not parse with 30012", async () => {
    const response = await fetch(`${server.url}/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"text": "unfinished',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: 30012 });
  });
});

describe("a framework's own client error", () => {
  let server: Started;
  beforeAll(async () => {
    const app = Fastify({ bodyLimit: 16 });
    app.register(async (scope) => {
      scope.setErrorHandler(fastifyErrorHandler(referralsServer));
      scope.post("/referrals", async () => "ok");
    });
    app.register(async (scope) => {
      scope.setErrorHandler(fastifyErrorHandler(partnerServer));
      scope.post("/customers", async () => "ok");
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    server = { url, close: () => app.close() };
  });
  afterAll(() => server.close());
  const post = (route: string, type: string, body: string) =>
    fetch(`${server.url}${route}`, { method: "POST", headers: { "content-type": type }, body });

  it("leaves as its status when the API documents it without a code (referrals 413)", async () => {
    const response = await post("/referrals", "application/json", JSON.stringify({ name: "x".repeat(64) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payloadTooLarge" } });
  });

  it("as the documented 500 when the API does not document it (partner 415)", async () => {
    const response = await post("/customers", "text/csv", "a,b");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internalServerError", message: "Internal server error" } });
  });
});

import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "./static.js";

/** A raw request: fetch() would normalize `..` away before it reaches the server. */
function get(
  server: StaticServer,
  target: string,
  method = "GET",
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: server.port, path: target, method }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

describe("serveStatic on a real port", () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
    fs.mkdirSync(path.join(dir, "docs", "id"), { recursive: true });
    fs.writeFileSync(path.join(dir, "docs", "index.html"), "<p>catalog</p>");
    fs.writeFileSync(path.join(dir, "docs", "id", "index.html"), "<p>katalog</p>");
    fs.writeFileSync(path.join(dir, "secret.txt"), "outside");
    server = await serveStatic({ root: path.join(dir, "docs"), port: 0 });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 on the port it was given (0: a free one)", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  const cases: { target: string; method?: string; status: number; type?: RegExp; body?: string }[] = [
    { target: "/", status: 200, type: /^text\/html/, body: "<p>catalog</p>" },
    { target: "/index.html", status: 200, type: /^text\/html/, body: "<p>catalog</p>" },
    { target: "/id/", status: 200, body: "<p>katalog</p>" },
    // Without its slash, a folder's page would resolve its relative links one level up.
    { target: "/id", status: 301 },
    { target: "/id/index.html?x=1#a", status: 200, body: "<p>katalog</p>" },
    { target: "/missing.html", status: 404 },
    { target: "/../secret.txt", status: 404 },
    { target: "/%2e%2e/secret.txt", status: 404 },
    { target: "/%00", status: 404 },
    { target: "/%E0%A4%A", status: 400 },
    { target: "/", method: "POST", status: 405 },
    { target: "/", method: "HEAD", status: 200, body: "" },
  ];
  it.each(cases)("$method $target → $status", async ({ target, method, status, type, body }) => {
    const response = await get(server, target, method);
    expect(response.status).toBe(status);
    if (type) expect(response.type).toMatch(type);
    if (body !== undefined) expect(response.body).toBe(body);
  });

  it("sends a folder without its slash to the folder, keeping the query", async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port: server.port, path: "/id?x=1" }, resolve).on("error", reject);
    });
    response.resume();
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe("/id/?x=1");
  });

  it("serves what is on disk now, so a rebuild shows at once", async () => {
    fs.writeFileSync(path.join(dir, "docs", "index.html"), "<p>rebuilt</p>");
    expect((await get(server, "/")).body).toBe("<p>rebuilt</p>");
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { readBody, retryAfterMs } from "./parse.js";

const response = (body: BodyInit | null, contentType?: string) =>
  new Response(body, { status: 500, headers: contentType ? { "content-type": contentType } : {} });

describe("readBody parses by content type", () => {
  it.each([
    "application/json",
    "application/problem+json",
    "application/json; charset=utf-8",
    "Application/Problem+JSON;charset=UTF-8",
    "application/json ; charset=utf-8",
  ])("parses %s", async (type) => {
    expect(await readBody(response('{"code":30011,"title":"é"}', type), 1 << 20)).toEqual({ code: 30011, title: "é" });
  });

  it.each(["text/plain", "text/html", "application/jsonx", "application/xml", "application/vnd.api+json", undefined])(
    "keeps %s as text",
    async (type) => {
      expect(await readBody(response('{"code":1}', type), 1 << 20)).toBe('{"code":1}');
    },
  );

  it("returns undefined for an empty body, with or without a JSON type", async () => {
    expect(await readBody(response(null, "application/json"), 1024)).toBeUndefined();
    expect(await readBody(response("", "application/problem+json"), 1024)).toBeUndefined();
  });

  it("keeps malformed or truncated JSON as its text", async () => {
    expect(await readBody(response('{"error":{"code":"x"', "application/json"), 1024)).toBe('{"error":{"code":"x"');
    expect(await readBody(response("<html>502 Bad Gateway</html>", "application/json"), 1024)).toBe(
      "<html>502 Bad Gateway</html>",
    );
  });

  it("reads at most maxBytes, and does not parse a body it cut", async () => {
    const big = JSON.stringify({ filler: "x".repeat(5000) });
    const kept = await readBody(response(big, "application/json"), 100);
    expect(kept).toBe(big.slice(0, 100));
  });

  it("keeps __proto__ and constructor as plain own members, touching no prototype", async () => {
    const body = (await readBody(
      response('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}', "application/json"),
      1024,
    )) as object;
    expect(Object.keys(body)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
  const of = (headers: Record<string, string>) => retryAfterMs(new Headers(headers), now);

  it("reads retry-after-ms first, then Retry-After seconds or HTTP-date", () => {
    expect(of({ "retry-after-ms": "250", "retry-after": "120" })).toBe(250);
    expect(of({ "retry-after-ms": "12.5" })).toBe(12.5);
    expect(of({ "retry-after": "120" })).toBe(120_000);
    expect(of({ "retry-after": " 0 " })).toBe(0);
    expect(of({ "retry-after": "Wed, 21 Oct 2026 07:28:30 GMT" })).toBe(30_000);
  });

  it("reads a past HTTP-date as no wait", () => {
    expect(of({ "retry-after": "Tue, 20 Oct 2026 07:28:00 GMT" })).toBe(0);
  });

  it("ignores negative and garbage values, and a bad retry-after-ms falls back to Retry-After", () => {
    for (const value of ["-5", "soon", "1e3", "", "12abc", "Wed, 99 Foo 2026 99:00:00 GMT", "-1, 2"])
      expect(of({ "retry-after": value }), value).toBeUndefined();
    expect(of({ "retry-after-ms": "-1", "retry-after": "2" })).toBe(2000);
    expect(of({})).toBeUndefined();
  });

  it("returns a huge value as it is, for the caller's cap to refuse", () => {
    expect(of({ "retry-after": "99999999999" })).toBe(99_999_999_999_000);
  });
});

describe("readBody stops reading at maxBytes", () => {
  it("cancels the body: a server sending 64 MiB gets no further than a few chunks past the limit", async () => {
    let written = 0;
    const limit = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const server = http.createServer((_request, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      const pump = () => {
        while (written < limit && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return; // on "drain", the next chunk
        }
        res.end();
      };
      res.on("drain", pump);
      pump();
    });
    const answered = new Promise<void>((resolve) =>
      server.once("request", (_request, res) => res.on("close", resolve)),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await readBody(await fetch(`http://127.0.0.1:${port}/`), 1024)).toBe("a".repeat(1024));
      await answered;
    } finally {
      server.closeAllConnections();
      server.close();
    }
    // What a client that read the whole body and cut it afterwards would take: all 64 MiB.
    expect(written).toBeLessThan(8 * 1024 * 1024);
  });
});

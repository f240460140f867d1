/**
 * `proxy` between a generated client and a defective server: the client gets the server's bytes
 * unchanged, and the proxy reports the responses that break the contract as they pass.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createPartnerClient } from "../../generated/partner/client.js";
import { loadContract } from "../../scripts/check/load.js";
import type { Exchange, Finding } from "../../scripts/check/model.js";
import { type Proxy as CheckProxy, startProxy } from "../../scripts/check/proxy.js";
import { readHar, toHar } from "../../scripts/check/recorded.js";
import { verifyRecorded } from "../../scripts/check/verify.js";
import { FULL_TOKEN, startReference } from "../helpers/reference.js";
import type { TestServer } from "../helpers/servers.js";

let server: TestServer | undefined;
let proxy: CheckProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  proxy = server = undefined;
});

/** Status, headers (without Date) and body bytes of a response. */
async function bytesOf(response: Response) {
  const headers = [...response.headers].filter(([name]) => name !== "date");
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString("hex") };
}

describe("proxy", () => {
  it("hands the client the server's bytes and reports what breaks the contract as it passes", async () => {
    server = await startReference("partner", { defects: ["html-404"] });
    const passed: Finding[] = [];
    const traffic: Exchange[] = [];
    const contract = await loadContract("generated/partner/openapi.yaml");
    proxy = await startProxy(contract, server.url, {
      onFinding: (f) => passed.push(f),
      onExchange: (e) => traffic.push(e),
    });
    const client = createPartnerClient({
      baseUrl: proxy.url,
      headers: { authorization: `Bearer ${FULL_TOKEN}` },
      retries: 0,
    });
    const found = await client.GET("/customers/{customerId}", { params: { path: { customerId: "nobody" } } });
    expect(found.error?.status).toBe(404);
    const listed = await client.GET("/customers");
    expect(listed.data?.items[0]?.id).toBe("c-1");
    expect(passed.map((f) => `${f.rule} ${f.operation} ${f.status}`)).toEqual([
      "content-type GET /customers/{customerId} 404",
    ]);

    for (const path of ["/customers/nobody", "/customers/c-1", "/customers"]) {
      const init = { headers: { authorization: `Bearer ${FULL_TOKEN}` } };
      const direct = await bytesOf(await fetch(`${server.url}${path}`, init));
      expect(await bytesOf(await fetch(`${proxy.url}${path}`, init))).toEqual(direct);
    }
    expect(proxy.session.result(0).findings).toHaveLength(1);
    // The traffic as HAR (proxy --har): verify on it gives the proxy's findings.
    expect(verifyRecorded(contract, readHar(toHar(traffic, "0"))).findings).toEqual(proxy.session.findings);
  });
});

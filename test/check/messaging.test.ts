/**
 * `check` in-process against an omnichannel messaging server on 127.0.0.1 (problem details, a
 * correlation header, codes declared per constraint): the conforming server gives no finding;
 * each defect switched on alone gives exactly its rule at its operations.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type CheckOptions, checkApi } from "../../scripts/check/run.js";
import type { TestServer } from "../helpers/servers.js";
import { type MessagingDefect, ORG, startMessaging } from "./servers/messaging.js";

const spec = "generated/messaging/openapi.yaml";
const options: CheckOptions = { token: "test-token", allowWrites: true, params: { orgId: ORG, channelId: "web" } };
const CONVERSATIONS = "/organizations/{orgId}/channels/{channelId}/conversations";
const MESSAGES = `${CONVERSATIONS}/{conversationId}/messages`;
const ALL = [`GET ${CONVERSATIONS}`, `POST ${CONVERSATIONS}`, `GET ${MESSAGES}`, `POST ${MESSAGES}`];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The findings as `rule operation`, unique and sorted. */
async function findingsAgainst(defect: MessagingDefect): Promise<string[]> {
  server = await startMessaging(defect);
  const { findings } = await checkApi(spec, server.url, options);
  return [...new Set(findings.map((f) => `${f.rule} ${f.operation}`))].sort();
}

describe("check against a messaging server", () => {
  it("finds nothing on the conforming server, and reaches each code a constraint declares", async () => {
    server = await startMessaging();
    const result = await checkApi(spec, server.url, options);
    expect(result.findings).toEqual([]);
    expect(result.requests).toBe(47); // the figure README.md and scripts/check/README.md give
    expect(server.count).toBe(47);
    const reached = result.coverage
      .filter((r) => r.state === "triggered-valid")
      .map((r) => `${r.operation} ${r.status} ${r.code ?? ""}`);
    expect(reached).toEqual(
      expect.arrayContaining([
        `GET ${CONVERSATIONS} 400 30007`,
        `GET ${CONVERSATIONS} 400 30009`,
        `GET ${MESSAGES} 400 30006`,
        `GET ${MESSAGES} 400 30008`,
        `GET ${MESSAGES} 404 30013`,
        `POST ${CONVERSATIONS} 400 30010`,
        `POST ${MESSAGES} 400 30011`,
        `POST ${MESSAGES} 400 30012`,
        `POST ${MESSAGES} 400 30016`,
        ...ALL.map((op) => `${op} 401 `),
        ...ALL.map((op) => `${op} 404 30004`),
      ]),
    );
  });

  it.each<[MessagingDefect, string[]]>([
    ["json-not-problem", ALL.map((op) => `content-type ${op}`)],
    ["no-correlation-header", ALL.map((op) => `header-missing ${op}`)],
    ["problem-status-lies", ALL.map((op) => `problem-status-mismatch ${op}`)],
    ["unknown-code", [`code-unknown GET ${CONVERSATIONS}`]],
    ["code-with-wrong-status", [`code-status-mismatch POST ${MESSAGES}`]],
    ["wrong-code-for-constraint", [`code-unexpected GET ${CONVERSATIONS}`]],
    ["invalid-input-accepted", [`trigger-accepted GET ${CONVERSATIONS}`, `trigger-accepted GET ${MESSAGES}`]],
    [
      "error-on-malformed-json",
      [`server-error-on-client-fault POST ${CONVERSATIONS}`, `server-error-on-client-fault POST ${MESSAGES}`],
    ],
    ["undocumented-403", ALL.map((op) => `status-undocumented ${op}`)],
  ])("%s: exactly its rule", async (defect, expected) => {
    expect(await findingsAgainst(defect)).toEqual([...expected].sort());
  });
});

/**
 * `check` in-process against a Referrals server on 127.0.0.1 (inner codes, ETags, 405, 406, 415,
 * 416): the conforming server gives no finding and every status a trigger aims at is reached;
 * each defect alone gives exactly its rule.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type CheckOptions, checkApi } from "../../scripts/check/run.js";
import type { TestServer } from "../helpers/servers.js";
import { type ReferralsDefect, startReferrals } from "./servers/referrals.js";

const spec = "generated/referrals/openapi.yaml";
const options: CheckOptions = {
  token: "test-token",
  tokenLow: "test-token-low",
  allowWrites: true,
  params: { attachmentId: "a-1" },
};
const ATTACHMENT = "/referrals/{referralId}/attachments/{attachmentId}";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("check against a Referrals server", () => {
  it("finds nothing on the conforming server, and reaches each status a trigger aims at, inner codes included", async () => {
    server = await startReferrals();
    const result = await checkApi(spec, server.url, options);
    expect(result.findings).toEqual([]);
    expect(result.requests).toBe(70); // the figure README.md and scripts/check/README.md give
    expect(server.count).toBe(70);
    const missed = result.coverage.filter((r) => r.state === "not-triggered").map((r) => `${r.operation} ${r.status}`);
    expect(missed).toEqual(["GET /referrals 429"]); // no --rate-limit-probe
    const reached = result.coverage
      .filter((r) => r.state === "triggered-valid")
      .map((r) => `${r.operation} ${r.status} ${r.code ?? ""}`);
    expect(reached).toEqual(
      expect.arrayContaining([
        "GET /referrals 400 99901",
        "POST /referrals 400 99903",
        "POST /referrals 415 ",
        "PATCH /referrals/{referralId} 412 99910",
        "PATCH /referrals/{referralId} 404 99904",
        `GET ${ATTACHMENT} 416 `,
        `GET ${ATTACHMENT} 406 `,
        `DELETE ${ATTACHMENT} 405 `,
      ]),
    );
  });

  it.each<[ReferralsDefect, string[]]>([
    [
      "inner-code-wrong-status",
      [
        "code-status-mismatch error PATCH /referrals/{referralId} 400 99910",
        "code-status-mismatch error PATCH /referrals/{referralId} 400 preconditionFailed",
      ],
    ],
    ["unknown-inner-code", ["code-unknown error GET /referrals 400 99950"]],
    ["range-ignored", [`trigger-accepted warning GET ${ATTACHMENT} 200 `]],
  ])("%s: exactly its rule", async (defect, expected) => {
    server = await startReferrals(defect);
    const { findings } = await checkApi(spec, server.url, options);
    const found = [...new Set(findings.map((f) => `${f.rule} ${f.level} ${f.operation} ${f.status} ${f.code ?? ""}`))];
    expect(found.sort()).toEqual([...expected].sort());
  });
});

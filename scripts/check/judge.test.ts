import { describe, expect, it } from "vitest";
import type { Json } from "../../src/openapi/index.js";
import { Contract } from "./contract.js";
import { judge } from "./judge.js";
import { loadContract } from "./load.js";
import type { Exchange, TriggerInfo } from "./model.js";
import { Schemas } from "./schemas.js";

const referrals = await loadContract("generated/referrals/openapi.yaml");
const partner = await loadContract("generated/partner/openapi.yaml");

/** The rule ids judged on one response of an operation. */
function rulesOn(
  contract: Contract,
  op: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  trigger?: TriggerInfo,
) {
  const operation = contract.operation(op);
  if (!operation) throw new Error(`no ${op}`);
  const exchange: Exchange = {
    operation,
    request: { method: operation.method.toUpperCase(), url: "http://127.0.0.1/x", headers: {} },
    response: { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) },
    ...(trigger ? { trigger } : {}),
  };
  return judge(contract, new Schemas(contract.doc), exchange).map((f) => `${f.rule}${f.code ? ` ${f.code}` : ""}`);
}

const envelope = (code: string, inner?: string) => ({
  error: { code, message: "m", ...(inner ? { innerError: { code: inner, message: "i" } } : {}) },
});

describe("judge: codes, inner codes included", () => {
  it("passes a documented inner code with its status", () => {
    expect(rulesOn(referrals, "PATCH /referrals/{referralId}", 412, envelope("preconditionFailed", "99910"))).toEqual(
      [],
    );
    expect(rulesOn(referrals, "POST /referrals", 400, envelope("invalidRequest", "99901"))).toEqual([]);
  });

  it("an inner code no catalog example carries is code-unknown", () => {
    expect(rulesOn(referrals, "POST /referrals", 400, envelope("invalidRequest", "99950"))).toEqual([
      "code-unknown 99950",
    ]);
  });

  it("an inner code with another status is code-status-mismatch", () => {
    expect(rulesOn(referrals, "POST /referrals", 400, envelope("invalidRequest", "99910"))).toEqual([
      "code-status-mismatch 99910",
    ]);
  });

  it("a code of the status that the operation does not list is code-not-for-operation", () => {
    // 99917 is a 409 code; GET /referrals/{referralId} documents no 409, PATCH does.
    expect(rulesOn(referrals, "PATCH /referrals/{referralId}", 409, envelope("resourceModified", "99917"))).toEqual([]);
    const custom = JSON.parse(JSON.stringify(referrals.doc)) as Json;
    const patch = (custom.paths as Json)["/referrals/{referralId}"] as Json;
    (patch.patch as { responses: Json }).responses["409"] = {
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/ReferralsErrorResponse" },
          examples: { A: { $ref: "#/components/examples/ReferralsResourceModified" } },
        },
      },
    };
    expect(
      rulesOn(
        new Contract(custom, "x.yaml"),
        "PATCH /referrals/{referralId}",
        409,
        envelope("resourceModified", "99917"),
      ),
    ).toEqual(["code-not-for-operation 99917"]);
  });

  it("a status documented without codes leaves them open, but a catalogued code keeps its status", () => {
    expect(rulesOn(partner, "GET /customers", 400, envelope("badRequest"))).toEqual([]);
    expect(rulesOn(partner, "GET /customers", 403, envelope("unAuthorized"))).toEqual([
      "code-status-mismatch unAuthorized",
    ]);
  });

  it("the code a constraint declares: another one of the same status is code-unexpected", () => {
    const trigger: TriggerInfo = {
      kind: "body-violation",
      description: "d",
      expects: [400],
      expectedCode: "99901",
      mustFail: true,
      clientFault: true,
    };
    expect(rulesOn(referrals, "POST /referrals", 400, envelope("invalidRequest", "99901"), {}, trigger)).toEqual([]);
    expect(rulesOn(referrals, "POST /referrals", 400, envelope("invalidRequest", "99903"), {}, trigger)).toEqual([
      "code-unexpected 99903",
    ]);
  });
});

describe("judge: statuses a range or default covers", () => {
  const doc: Json = {
    openapi: "3.1.0",
    paths: {
      "/things": {
        get: {
          responses: {
            "200": { description: "ok" },
            "4XX": {
              description: "any",
              content: { "application/json": { schema: { type: "object", required: ["code"] } } },
            },
            default: { description: "else", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
    },
  };
  const contract = new Contract(doc, "things.yaml");

  it("reports a 4xx only 4XX covers, and a 5xx only default covers, as warnings; the body is still checked", () => {
    expect(rulesOn(contract, "GET /things", 404, { code: "x" })).toEqual(["status-undocumented"]);
    expect(rulesOn(contract, "GET /things", 404, {})).toEqual(["status-undocumented", "body-schema"]);
    const operation = contract.operation("GET /things")!;
    const exchange: Exchange = {
      operation,
      request: { method: "GET", url: "http://127.0.0.1/things", headers: {} },
      response: { status: 503, headers: { "content-type": "application/json" }, body: "{}" },
    };
    const [finding] = judge(contract, new Schemas(doc), exchange);
    expect(finding).toMatchObject({ rule: "status-undocumented", level: "warning" });
    expect(finding?.message).toContain("`default`");
  });
});

// biome-ignore-all lint/style/noExcessiveLinesPerFile: createApiError on every API's spec, given/want tables sharing their bodies
import { describe, expect, it } from "vitest";
import { isMessagingError, messagingApi } from "../../../generated/messaging/client.js";
import { partnerApi } from "../../../generated/partner/client.js";
import { referralsApi, referralsErrors } from "../../../generated/referrals/client.js";
import { isSalesError, salesApi } from "../../../generated/sales/client.js";
import { bundle, catalog } from "../../../test/helpers/openapi.js";
import { ApiError, createApiError, type ApiSpec, type Failure } from "./errors.js";

const specs: Record<string, ApiSpec> = {
  messaging: messagingApi,
  partner: partnerApi,
  referrals: referralsApi,
  sales: salesApi,
};
const examplesOf = (api: string) => bundle(api).components.examples as Record<string, { value: unknown }>;

const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });
const fail = (spec: ApiSpec, raw: unknown, extra: Partial<Failure> = {}) =>
  createApiError(spec, { reason: "status", response: status(400), raw, attempts: 1, documented: true, ...extra });

describe("every catalog example becomes the ApiError the catalog describes", () => {
  const cases = catalog.families.flatMap((family) =>
    family.apis.flatMap((api) => family.errors.map((error) => ({ api, error, name: `${api} ${error.example}` }))),
  );
  it.each(cases)("$name", ({ api, error }) => {
    const spec = specs[api]!;
    const value = examplesOf(api)[error.example]!.value;
    const found = fail(spec, value, { response: status(error.status) });
    expect(found).toBeInstanceOf(ApiError);
    expect(found).toBeInstanceOf(Error);
    expect(found).toMatchObject({
      status: error.status,
      family: spec.family,
      specificCode: error.code,
      reason: "status",
      retryable: error.retryable,
    });
    expect(found.catalog).toEqual(spec.catalog[String(error.code)]);
    expect(found.catalog?.message).toBe(error.message);
    expect(found.body).toEqual(value);
    if (error.kind === "code") expect(found.code).toBe(error.code);
  });
});

describe("the body's shape, checked as its schema says", () => {
  it("problem+json: code and message from the body, unknown extension members kept", () => {
    const body = {
      type: "urn:x",
      title: "Title",
      detail: "Detail",
      status: 400,
      code: 30011,
      instance: "/x",
      traceId: "t-1",
      errors: [{ field: "text" }],
    };
    const error = fail(messagingApi, body);
    expect(error).toMatchObject({ code: 30011, specificCode: 30011, message: "Detail", details: undefined });
    expect(error.body).toEqual(body);
    expect((error.body as Record<string, unknown>).traceId).toBe("t-1");
    expect(error.raw).toBe(body);
  });

  it("problem+json: a member of the wrong JSON type is ignored, not trusted", () => {
    const body = { type: 7, title: 42, detail: ["x"], status: "400", code: "30011", instance: null, extra: true };
    const error = fail(messagingApi, body);
    expect(error.code).toBeUndefined();
    expect(error.specificCode).toBeUndefined();
    expect(error.catalog).toBeUndefined();
    expect(error.message).toBe("HTTP 400");
    expect(error.body).toEqual({ extra: true });
    expect(error.raw).toEqual(body);
  });

  it("sales: errorCode, errorMessage, details, and activityId as the correlation id", () => {
    const error = fail(salesApi, {
      errorCode: "INSUFFICIENT_PERMISSIONS",
      errorMessage: "No.",
      activityId: "act-1",
      details: { resourceType: "envelope" },
    });
    expect(error).toMatchObject({
      code: "INSUFFICIENT_PERMISSIONS",
      message: "No.",
      correlationId: "act-1",
      details: { resourceType: "envelope" },
    });
    expect(error.catalog?.status).toBe(403);
  });

  it("sales: a body without a string errorCode has no typed body", () => {
    expect(fail(salesApi, { errorCode: 5, errorMessage: "x" }).body).toBeUndefined();
    expect(fail(salesApi, { errorCode: 5, errorMessage: "x" }).message).toBe("x");
  });

  it("envelope: target, and the deepest known code of innerError (or innererror), as the shape names them", () => {
    const inner = Object.keys(referralsErrors).filter(
      (code) => referralsErrors[code as keyof typeof referralsErrors].kind === "innerCode",
    );
    const [first, second] = inner;
    const body = {
      error: {
        code: "invalidRequest",
        message: "Bad.",
        target: "name",
        // Not a member the referrals shape declares (its details live in the inner errors): not read.
        details: [{ a: 1 }],
        innererror: {
          code: first,
          message: "m",
          innerError: { code: second, message: "m", innerError: { code: "00000", message: "unknown" } },
        },
      },
    };
    const error = fail(referralsApi, body);
    expect(error).toMatchObject({
      code: "invalidRequest",
      specificCode: second,
      target: "name",
      details: undefined,
      message: "Bad.",
    });
    expect(error.catalog).toEqual(referralsErrors[second as keyof typeof referralsErrors]);
  });

  it("envelope: knownCodes limits the codes the caller understands", () => {
    const inner = Object.keys(referralsErrors).filter(
      (code) => referralsErrors[code as keyof typeof referralsErrors].kind === "innerCode",
    );
    const body = {
      error: {
        code: "invalidRequest",
        message: "Bad.",
        innerError: { code: inner[0], message: "m", innerError: { code: inner[1], message: "m" } },
      },
    };
    expect(fail(referralsApi, body, { known: new Set([inner[0]!]) }).specificCode).toBe(inner[0]);
    expect(fail(referralsApi, body, { known: new Set(["nothing"]) }).specificCode).toBe("invalidRequest");
    // The catalog entry still describes the most specific code the catalog has.
    expect(fail(referralsApi, body, { known: new Set([inner[0]!]) }).catalog).toEqual(
      referralsErrors[inner[0] as keyof typeof referralsErrors],
    );
  });

  it("envelope: walks an innerError chain 1,000 levels deep", () => {
    const deepest = Object.keys(referralsErrors).at(-1)!;
    let node: Record<string, unknown> = { code: deepest, message: "deepest" };
    for (let depth = 0; depth < 999; depth++) node = { code: "0", message: "level", innerError: node };
    const error = fail(referralsApi, { error: { code: "generalException", message: "x", innerError: node } });
    expect(error.specificCode).toBe(deepest);
  });

  it("codes named like Object.prototype members are not catalog codes", () => {
    for (const code of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const error = fail(referralsApi, {
        error: { code, message: "x", innerError: { code: "valueOf", message: "y" } },
      });
      expect(error.code).toBe(code);
      expect(error.catalog).toBeUndefined();
      expect(error.retryable).toBe(false);
    }
  });

  it("a body of another shape (a gateway's) yields no code: the API's declared shape is what is read", () => {
    const raw = { error: { code: "GatewayTimeout", message: "from a gateway" } };
    const error = fail(salesApi, raw, { response: status(504) });
    expect(error).toMatchObject({ code: undefined, message: "HTTP 504", raw, body: undefined, retryable: true });
    // Any JSON object is a problem (RFC 9457 members are optional): its unknown members are kept.
    expect(fail(messagingApi, { error: { code: 30013 } }).body).toEqual({ error: { code: 30013 } });
  });
});

describe("a shape of a team's own", () => {
  const spec: ApiSpec = {
    family: "things",
    codeType: "number",
    catalog: { 7: { status: 409, message: "Taken.", description: "", retryable: false, kind: "innerCode" } },
    body: {},
    errors: {},
    shape: {
      code: ["fault", "id"],
      message: [["fault", "text"], ["summary"]],
      target: ["fault", "field"],
      details: ["fault", "extra"],
      innerError: ["cause"],
      correlationId: ["trace"],
    },
  };
  it("is read where it says: code, message, target, details, inner errors, correlation id", () => {
    const raw = {
      trace: "t-1",
      summary: "s",
      fault: { id: 1, field: "name", extra: { a: 1 }, cause: { id: 7, cause: { id: 8 } } },
    };
    expect(fail(spec, raw)).toMatchObject({
      code: 1,
      specificCode: 7,
      message: "s",
      target: "name",
      details: { a: 1 },
      correlationId: "t-1",
      catalog: spec.catalog[7],
    });
  });
  it("ignores a code of the wrong wire type and members the shape does not name", () => {
    expect(fail(spec, { fault: { id: "1", text: "t" }, code: 2 })).toMatchObject({ code: undefined, message: "t" });
  });
});

describe("headers, statuses and fallbacks", () => {
  it("reads the correlation id from the family's header, else the id the client sent", () => {
    const headers = { "x-ms-correlation-id": "from-server", "retry-after": "7" };
    expect(fail(messagingApi, undefined, { response: status(503, headers), sentId: "sent" })).toMatchObject({
      correlationId: "from-server",
      retryAfterMs: 7000,
    });
    expect(fail(messagingApi, undefined, { response: status(503), sentId: "sent" }).correlationId).toBe("sent");
  });

  it("an empty body still has its status, a message and a retryability from the status", () => {
    const error = fail(partnerApi, undefined, {
      response: new Response(null, { status: 503, statusText: "Service Unavailable" }),
    });
    expect(error).toMatchObject({
      status: 503,
      code: undefined,
      message: "HTTP 503",
      retryable: true,
      body: undefined,
      raw: undefined,
    });
    expect(fail(partnerApi, undefined, { response: status(501) }).retryable).toBe(false);
  });

  it("the catalog's retryable wins over the status's", () => {
    const final = catalog.families.flatMap((f) =>
      f.errors.filter((e) => e.status >= 500 && !e.retryable).map((e) => ({ e, api: f.apis[0]! })),
    )[0]!;
    const value = examplesOf(final.api)[final.e.example]!.value;
    expect(fail(specs[final.api]!, value, { response: status(final.e.status) }).retryable).toBe(false);
  });

  it("no typed body for a status the operation does not document", () => {
    const body = { error: { code: "generalException", message: "x" } };
    const error = fail(referralsApi, body, { response: status(502), documented: false });
    expect(error.body).toBeUndefined();
    expect(error.raw).toBe(body);
    expect(error.code).toBe("generalException");
  });

  it("no response: status 0 and the failure's reason in the message", () => {
    const error = createApiError(partnerApi, { reason: "network", attempts: 4, cause: new TypeError("fetch failed") });
    expect(error).toMatchObject({
      status: 0,
      reason: "network",
      attempts: 4,
      message: "network: TypeError: fetch failed",
      retryable: true,
      response: undefined,
    });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("the family guards tell ApiErrors and their family apart", () => {
    const error = fail(salesApi, undefined);
    expect(error).toBeInstanceOf(ApiError);
    expect(isSalesError(error)).toBe(true);
    expect(isMessagingError(error)).toBe(false);
    expect(isSalesError(new Error("x"))).toBe(false);
    expect(error.name).toBe("ApiError");
    expect(String(error)).toBe("ApiError: HTTP 400");
  });
});

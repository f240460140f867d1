import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { createMessagingKit, messagingServer } from "../../../generated/messaging/server.js";
import { createPartnerKit, partnerServer } from "../../../generated/partner/server.js";
import { referralsServer } from "../../../generated/referrals/server.js";
import { salesServer } from "../../../generated/sales/server.js";
import { createKit } from "./kit.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("create: a catalogued code", () => {
  it("answers with the code's status, media type and the catalog's example body", () => {
    const response = messagingServer.create(30011);
    expect(response.status).toBe(400);
    expect(response.mediaType).toBe("application/problem+json");
    expect(response.body).toEqual({
      type: "urn:error-contracts:messaging:30011",
      title: "The message text length is too large. Max 6,000 characters allowed.",
      status: 400,
      code: 30011,
    });
  });

  it("keeps an inner code's whole chain (referrals 99910 under preconditionFailed)", () => {
    const response = referralsServer.create("99910");
    expect(response.status).toBe(412);
    expect(response.body.error.code).toBe("preconditionFailed");
    expect(response.body.error.innerError?.code).toBe("99910");
  });

  it("writes message, target and details where the shape keeps them, and nowhere else", () => {
    const body = referralsServer.create("invalidRequest", { message: "no", target: "name", details: { a: 1 } }).body;
    expect(body.error).toMatchObject({ code: "invalidRequest", message: "no", target: "name" });
    expect(JSON.stringify(body)).not.toContain('"a":1'); // the referrals shape declares no details
    expect(messagingServer.create(30011, { message: "too long" }).body.detail).toBe("too long");
    expect(salesServer.create("RECORD_NOT_FOUND", { details: { id: "r-1" } }).body.details).toEqual({ id: "r-1" });
  });

  it("sends an example's target and details only where the caller gives them: they illustrate, they are not this error's", () => {
    expect(salesServer.create("INSUFFICIENT_PERMISSIONS").body).not.toHaveProperty("details");
    expect(salesServer.create("INSUFFICIENT_PERMISSIONS", { details: { resourceId: "r-1" } }).body.details).toEqual({
      resourceId: "r-1",
    });
    expect(partnerServer.create("unAuthorized").body.error).not.toHaveProperty("target");
    expect(partnerServer.create("unAuthorized", { target: "customer" }).body.error.target).toBe("customer");
    expect(partnerServer.create("unAuthorized").body.error.message).toBe(
      "Caller is not authorized to access the resource.",
    );
  });

  it("puts the correlation id in the shape's header or member: the caller's, else a new UUID", () => {
    expect(messagingServer.create(30011, { correlationId: "c-1" }).headers["x-ms-correlation-id"]).toBe("c-1");
    expect(messagingServer.create(30011).headers["x-ms-correlation-id"]).toMatch(uuid);
    expect(salesServer.create("RECORD_NOT_FOUND", { correlationId: "a-1" }).body.activityId).toBe("a-1");
    expect(salesServer.create("RECORD_NOT_FOUND").body.activityId).toMatch(uuid);
    expect(referralsServer.create("itemNotFound").headers).toEqual({});
  });

  it("sets Retry-After from seconds (rounded up) or a date, and refuses a 429 without it", () => {
    expect(salesServer.create("REQUEST_THROTTLED", { retryAfter: 1.2 }).headers["retry-after"]).toBe("2");
    const date = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(referralsServer.create("99906", { retryAfter: date }).headers["retry-after"]).toBe(
      "Wed, 02 Jan 2030 03:04:05 GMT",
    );
    // @ts-expect-error a 429 needs retryAfter
    expect(() => salesServer.create("REQUEST_THROTTLED")).toThrow("a 429 needs retryAfter");
    expect(() => salesServer.create("REQUEST_THROTTLED", { retryAfter: -1 })).toThrow(RangeError);
  });

  it("refuses a code outside the catalog or of the wrong wire type", () => {
    // @ts-expect-error not a messaging code
    expect(() => messagingServer.create(39999)).toThrow("39999 is no code of the catalog");
    // @ts-expect-error messaging codes are numbers
    expect(() => messagingServer.create("30011")).toThrow('"30011" is no code of the catalog');
    // @ts-expect-error not a code, though a member of every object
    expect(() => referralsServer.create("constructor")).toThrow("no code of the catalog");
  });

  it("never lets one response change another", () => {
    const first = referralsServer.create("invalidRequest", { message: "first" });
    const second = referralsServer.create("invalidRequest");
    expect(first.body.error.message).toBe("first");
    expect(second.body.error.message).toBe("The request is malformed or incorrect.");
    expect(() => {
      (second.body.error as { message: string }).message = "changed";
    }).toThrow(TypeError);
  });
});

describe("forStatus: a documented status without a code", () => {
  it("answers with a minimal body carrying the response's description", () => {
    const response = messagingServer.forStatus(401);
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/^Unauthorized\./);
    expect(response.headers["x-ms-correlation-id"]).toMatch(uuid);
  });

  it("writes the caller's code where the schema requires one", () => {
    expect(partnerServer.forStatus(404, { code: "customerNotFound" }).body.error).toEqual({
      code: "customerNotFound",
      message: "Not found",
    });
  });

  it("refuses a status that has codes, or none documented", () => {
    // @ts-expect-error 400 has catalogued codes
    expect(() => messagingServer.forStatus(400)).toThrow("status 400 has catalogued codes: use create(code)");
    // @ts-expect-error 418 is not documented
    expect(() => messagingServer.forStatus(418)).toThrow("status 418 is not documented");
  });
});

describe("internal and malformedBody", () => {
  it("are the documented 500 and the request bodies' x-error-code", () => {
    expect(messagingServer.internal().body.code).toBe(30015);
    expect(messagingServer.malformedBody().body.code).toBe(30012);
    expect(referralsServer.malformedBody().body.error.innerError?.code).toBe("99903");
    expect(referralsServer.internal().body.error.code).toBe("generalException");
  });

  it("fall back to the 500's status, its code from the reason phrase, when the catalog has none", () => {
    const response = partnerServer.malformedBody();
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("internalServerError");
  });
});

describe("validate: true", () => {
  it("throws on a response that breaks its schema", () => {
    const kit = createPartnerKit({ validate: true });
    expect(() => kit.forStatus(404, { code: "" })).toThrow(
      "partner: the 404 response breaks its schema: /error/code must NOT have fewer than 1 characters",
    );
    expect(() => partnerServer.forStatus(404, { code: "" })).not.toThrow(); // off by default
  });

  it("throws on a required header that is missing or invalid", () => {
    const kit = createMessagingKit({ validate: true });
    expect(() => kit.forStatus(429, { retryAfter: 1, headers: { "Retry-After": "soon" } })).toThrow(
      "messaging: the 429 response has an invalid retry-after",
    );
  });

  it("compiles its validators once, when the kit is made, never per response", () => {
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js");
    const compile = vi.spyOn(Ajv2020.prototype, "compile");
    try {
      const kit = createKit<never>(messagingServer.spec, { validate: true });
      const made = compile.mock.calls.length;
      expect(made).toBeGreaterThan(0);
      for (let i = 0; i < 50; i++) (kit as unknown as typeof messagingServer).create(30011);
      expect(compile.mock.calls.length).toBe(made);
    } finally {
      compile.mockRestore();
    }
  });
});

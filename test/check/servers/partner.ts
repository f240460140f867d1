/**
 * A Partner API server for the checker's tests: conforming, unless a defect is switched on, each
 * breaking one rule. Tokens: `Bearer test-token` (full), `Bearer test-token-low` (403 everywhere).
 */
import { createPartnerKit } from "../../../generated/partner/server.js";
import { startHttpServer, type TestServer } from "../../helpers/servers.js";
import { acceptsJson, type Answer, fromKit, json, rights, write } from "./respond.js";

export type PartnerDefect =
  | "auth-ignored"
  | "html-404"
  | "no-retry-after"
  | "bad-retry-after"
  | "stack-trace"
  | "stale-etag-accepted"
  | "undocumented-status";

const kit = createPartnerKit({ validate: true });
/** A documented status with a code of the server's choosing (the catalog lists only `unAuthorized`). */
const fail = (status: number, code: string, args: { message?: string; retryAfter?: number } = {}) =>
  fromKit(kit.forStatus(status as 400, { code, ...args }));
const CUSTOMER = { id: "c-1", companyName: "Contoso", relationshipToPartner: "reseller" };
const ETAG = '"v1"';

/** Starts the server; `rateLimit`: requests before every answer is a 429. */
export function startPartner(defect?: PartnerDefect, rateLimit = Number.POSITIVE_INFINITY): Promise<TestServer> {
  return startHttpServer((request, response, n) => {
    write(response, answer(request.method ?? "GET", new URL(request.url ?? "/", "http://x"), request, n));
  });

  function answer(method: string, url: URL, request: import("node:http").IncomingMessage, n: number): Answer {
    const who = rights(request);
    if (who === "none" && defect !== "auth-ignored") return fromKit(kit.create("unAuthorized"));
    if (who === "low") return defect === "undocumented-status" ? fail(409, "conflict") : fail(403, "forbidden");
    if (n > rateLimit) {
      const error = fail(429, "tooManyRequests", { retryAfter: 30 });
      if (defect === "no-retry-after") delete error.headers["retry-after"];
      if (defect === "bad-retry-after") error.headers["retry-after"] = "soon";
      return error;
    }
    if (!acceptsJson(request.headers.accept)) return fail(406, "notAcceptable");
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] !== "customers" || parts.length > 3 || (parts.length === 3 && parts[2] !== "usage"))
      return fail(404, "notFound");
    if (parts.length === 1) {
      if (method !== "GET") return fail(405, "methodNotAllowed");
      return json(200, { items: [CUSTOMER], totalCount: 1 });
    }
    const known = parts[1] === CUSTOMER.id;
    const notFound = (): Answer =>
      defect === "html-404"
        ? { status: 404, headers: { "content-type": "text/html" }, body: "<html><body>Not Found</body></html>" }
        : fail(404, "notFound");
    if (parts.length === 3) {
      if (method !== "GET") return fail(405, "methodNotAllowed");
      return known ? json(200, { customerId: CUSTOMER.id, currency: "EUR", totalCost: 1 }) : notFound();
    }
    if (method === "GET") return known ? json(200, CUSTOMER, { etag: ETAG }) : notFound();
    if (method !== "DELETE") return fail(405, "methodNotAllowed");
    const ifMatch = request.headers["if-match"];
    if (!ifMatch) {
      const message =
        defect === "stack-trace" ? "If-Match missing\n    at remove (/srv/partner/handlers.js:41:13)" : undefined;
      return fail(400, "badRequest", message ? { message } : {});
    }
    if (!known) return notFound();
    if (ifMatch !== ETAG && defect !== "stale-etag-accepted") return fail(412, "preconditionFailed");
    return { status: 204, headers: {}, body: "" };
  }
}

/**
 * A Partner Center Referrals server for the checker's tests (inner codes, ETags, 415, 416, 405):
 * conforming unless a defect is switched on. Referral `r-1` (ETag `"e1"`) with attachment `a-1`;
 * tokens as the other test servers'.
 * `start…` is one long function on purpose: its handlers, one per operation, close over the defect switch.
 */
import type http from "node:http";
import { createReferralsKit } from "../../../generated/referrals/server.js";
import { startHttpServer, type TestServer } from "../../helpers/servers.js";
import { type Answer, acceptsJson, fromKit, json, parseJson, rights, write } from "./respond.js";

export type ReferralsDefect = "inner-code-wrong-status" | "unknown-inner-code" | "range-ignored";

const kit = createReferralsKit({ validate: true });
const REFERRAL = { id: "r-1", name: "Contoso deal", status: "Active", eTag: '"e1"' };
type Code = Parameters<typeof kit.create>[0];
const code = (c: string) => fromKit((kit.create as (c: Code) => Parameters<typeof fromKit>[0])(c as Code));
/** A documented status without catalogued codes, with a code of the server's choosing. */
const fail = (status: number, c: string) => fromKit(kit.forStatus(status as 406, { code: c }));

/** A name of the wrong type or too long (99901). */
const badName = (name: unknown) => name !== undefined && (typeof name !== "string" || name.length > 256);

export function startReferrals(defect?: ReferralsDefect): Promise<TestServer> {
  return startHttpServer((request, response, _n, body) => write(response, answer(request, body)));

  function answer(request: http.IncomingMessage, body: string): Answer {
    const who = rights(request);
    if (who === "none") return code("unauthenticated");
    if (who === "low") return code("accessDenied");
    const accept = request.headers.accept;
    const bytes = request.url?.includes("/attachments/") && /octet-stream/.test(accept ?? "");
    if (!acceptsJson(accept) && !bytes) return fail(406, "notAcceptable");
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://x");
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] !== "referrals") return code("itemNotFound");
    if (parts.length === 1)
      return method === "GET" ? list(url) : method === "POST" ? create(request, body) : fail(405, "x");
    if (parts[1] !== REFERRAL.id) return code("99904");
    if (parts.length === 2) {
      if (method === "GET") return json(200, REFERRAL, { etag: REFERRAL.eTag });
      if (method === "PATCH") return update(request, body);
      return fail(405, "methodNotAllowed");
    }
    if (parts.length === 3 && parts[2] === "invitations" && method === "POST") return invite(request, body);
    if (parts.length === 4 && parts[2] === "attachments") {
      if (parts[3] !== "a-1") return code("99904");
      if (method === "DELETE") return { status: 204, headers: {}, body: "" };
      if (method !== "GET") return fail(405, "methodNotAllowed");
      const range = request.headers.range;
      if (range && /^bytes=\d{6,}-/.test(range) && defect !== "range-ignored") return fail(416, "rangeNotSatisfiable");
      return { status: 200, headers: { "content-type": "application/octet-stream" }, body: "attachment" };
    }
    return code("itemNotFound");
  }

  function list(url: URL): Answer {
    const top = url.searchParams.get("$top");
    const skip = url.searchParams.get("$skip");
    const bad =
      (top !== null && !(/^\d+$/.test(top) && +top >= 1 && +top <= 100)) || (skip !== null && !/^\d+$/.test(skip));
    if (bad) {
      if (defect === "unknown-inner-code") {
        const error = code("99901");
        return { ...error, body: error.body.replace('"99901"', '"99950"') };
      }
      return code("99901");
    }
    return json(200, { value: [REFERRAL], continuationToken: null });
  }

  /** The JSON object body, or why not (415 for another media type, 99903 for none or not JSON). */
  function objectBody(
    request: http.IncomingMessage,
    body: string,
  ): { value: Record<string, unknown> } | { refused: Answer } {
    if (!/^application\/json/.test(request.headers["content-type"] ?? "")) {
      return { refused: body === "" ? code("99903") : fail(415, "unsupportedMediaType") };
    }
    const parsed = parseJson(body);
    if (!parsed || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
      return { refused: code("99903") };
    return { value: parsed.value as Record<string, unknown> };
  }

  function create(request: http.IncomingMessage, body: string): Answer {
    const read = objectBody(request, body);
    if ("refused" in read) return read.refused;
    const { name, solutions, qualification } = read.value;
    if (name === undefined) return code("99903");
    if (badName(name)) return code("99901");
    if (solutions !== undefined && (!Array.isArray(solutions) || solutions.length > 20)) return code("99901");
    if (qualification !== undefined && typeof qualification !== "string") return code("99903");
    return json(201, { ...REFERRAL, id: "r-2", name }, { etag: '"e2"' });
  }

  function update(request: http.IncomingMessage, body: string): Answer {
    const ifMatch = request.headers["if-match"];
    if (!ifMatch) return code("invalidRequest");
    const read = objectBody(request, body);
    if ("refused" in read) return read.refused;
    if (ifMatch !== REFERRAL.eTag) {
      if (defect === "inner-code-wrong-status") return { ...code("99910"), status: 400 };
      return code("99910");
    }
    const { name, status, qualification } = read.value;
    if (badName(name)) return code("99901");
    if (status !== undefined && !["New", "Active", "Closed"].includes(status as string)) return code("99903");
    if (qualification !== undefined && typeof qualification !== "string") return code("99903");
    return json(200, REFERRAL, { etag: REFERRAL.eTag });
  }

  function invite(request: http.IncomingMessage, body: string): Answer {
    const read = objectBody(request, body);
    if ("refused" in read) return read.refused;
    if (typeof read.value.partnerTenantId !== "string") return code("99903");
    return { status: 202, headers: {}, body: "" };
  }
}

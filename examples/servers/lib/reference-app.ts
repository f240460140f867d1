/**
 * What every reference server shares: a Hono app whose routes come from the API's `ServerSpec`
 * (each operation's method and path), and the steps each request passes before its handler, in
 * this order: a simulated server fault (`x-reference-fault`), the bearer token (401, then 403 for
 * the low-rights token), the rate limit (429), `Accept` (406) and the contract's request checks
 * (`kit.checkRequest`). Errors leave through the kit, with the caller's correlation id.
 */
import {
  type ErrorArgs,
  type ErrorRef,
  type ErrorResponse,
  type Kit,
  type KitTypes,
  type ServerSpec,
  honoErrorHandler,
  toResponse,
} from "@error-contracts/server";
import { type Context, Hono } from "hono";
import { DEFECTS, type DefectName, plantDefects } from "./defects.js";
import { accepts, honoPath, parseOrUndefined } from "./http.js";
import { rateLimiter } from "./rate-limit.js";

export const FULL_TOKEN = "reference-token";
export const LOW_TOKEN = "reference-token-low";
/** Names a 5xx code or status of the operation to answer with: faults a client cannot provoke otherwise. */
export const FAULT_HEADER = "x-reference-fault";

export interface ReferenceOptions {
  /** Requests per token and operation in each window before a 429 (default 50 per 10 s). */
  rateLimit?: { limit: number; windowMs: number };
  /** The largest request body, where the operation documents 413 (default 64 KiB). */
  maxBodyBytes?: number;
  /** Planted defects (`lib/defects.ts`), for the conformance checker's tests; none by default. */
  defects?: Iterable<DefectName>;
}

/** What a handler gets: the request's parsed body, its parameters, and the arguments every error should carry. */
export interface Call {
  c: Context;
  operation: string;
  body: unknown;
  param(name: string): string;
  query: URLSearchParams;
  /** The correlation id to give errors: the caller's, when the family has a correlation header. */
  args: ErrorArgs;
}

export type Handler = (call: Call) => Response | Promise<Response>;
/**
 * A handler, or one with `before`: a rule on the parsed JSON body that answers before the
 * contract's schema would (a null member with its own code, say). A body that is not JSON skips it.
 */
export type Route = Handler | { before(call: Call, body: unknown): void; handle: Handler };

/** The answers that differ by API: which code a missing or unknown token gets, and so on. */
export interface Answers {
  unauthenticated(why: "missing" | "invalid", call: Call): ErrorResponse;
  /** The low-rights token on an operation that documents 403 (without it, the low token has full rights). */
  forbidden?(call: Call): ErrorResponse;
  throttled(retryAfter: number, call: Call): ErrorResponse;
  /** A method the path does not declare, in an API that documents no 405 (default: the documented 500). */
  unsupportedMethod?(args: ErrorArgs): ErrorResponse;
}

type AnyKit = Pick<Kit<KitTypes>, "spec" | "respond" | "internal" | "malformedBody" | "checkRequest">;

/** A documented error of the operation named by the fault header, if it is a 5xx. */
function faultOf(
  kit: AnyKit,
  operation: string,
  value: string | undefined,
  args: ErrorArgs,
): ErrorResponse | undefined {
  const documented = kit.spec.operations[operation];
  if (!value || !documented) return undefined;
  const code = documented.codes.find((c) => String(c) === value);
  const status = code === undefined ? Number(value) : kit.spec.codes[String(code)]?.status;
  if (status === undefined || status < 500 || !documented.statuses.includes(status)) return undefined;
  const retry = kit.spec.statuses[status]?.retryAfter ? { retryAfter: 30 } : {};
  return kit.respond(code === undefined ? { status } : { code: String(code) }, { ...args, ...retry });
}

/** The documented 406, 411 or 413 a request gets before its body is read: what the server cannot serve or take. */
function limitOf(c: Context, spec: ServerSpec, operation: string, maxBodyBytes: number): ErrorRef | undefined {
  const documented = spec.operations[operation]!;
  const request = documented.request!;
  const documents = (status: number) =>
    documented.statuses.includes(status) && spec.statuses[status]?.body !== undefined;
  // What it can serve: its successes' media types, else (a success without content) its errors'.
  const serves =
    request.produces.length > 0 ? request.produces : documented.statuses.map((s) => spec.statuses[s]!.mediaType);
  if (documents(406) && !serves.some((type) => accepts(c.req.header("accept"), type))) return { status: 406 };
  const length = c.req.header("content-length");
  if (documents(411) && request.body && length === undefined && c.req.header("transfer-encoding")) {
    return { status: 411 };
  }
  return documents(413) && Number(length) > maxBodyBytes ? { status: 413 } : undefined;
}

/**
 * A reference server: `handlers` has one entry per operation of the API (by operationId); each
 * request passes the shared steps, then its handler. A method the path does not declare gets the
 * documented 405 where the API has one, else `unsupportedMethod` (default: the documented 405 or 500).
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one closure, every route's steps share the app's rate limit, defects and answers
export function referenceApp(
  kit: AnyKit,
  answers: Answers,
  handlers: Record<string, Route>,
  options: ReferenceOptions = {},
): Hono {
  const throttle = rateLimiter(options.rateLimit ?? { limit: 50, windowMs: 10_000 });
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const correlationHeader = kit.spec.shape.correlationHeader;
  const defects = new Set(options.defects ?? []);
  for (const name of defects) {
    if (!(name in DEFECTS) || !DEFECTS[name].applies(kit.spec))
      throw new Error(`${kit.spec.api}: no defect ${name} to plant`);
  }
  const app = new Hono();
  const operations = new WeakMap<Request, string>();
  if (defects.size > 0) app.use(plantDefects(kit.spec, defects, operations));

  const argsOf = (c: Context): ErrorArgs => {
    const id = correlationHeader ? c.req.header(correlationHeader) : undefined;
    return id ? { correlationId: id } : {};
  };
  app.onError(honoErrorHandler(kit));

  /** The token's answer: 401 without a known one, 403 for the low-rights one where documented. */
  const refuse = (token: string | undefined, sent: boolean, call: Call): ErrorResponse | undefined => {
    if (token !== FULL_TOKEN && token !== LOW_TOKEN) {
      if (defects.has("auth-ignored")) return undefined;
      const refused = answers.unauthenticated(sent ? "invalid" : "missing", call);
      const undocumented =
        defects.has("undocumented-403") && !kit.spec.operations[call.operation]!.statuses.includes(403);
      return undocumented ? { ...refused, status: 403 } : refused;
    }
    if (token === FULL_TOKEN) return undefined;
    if (kit.spec.operations[call.operation]!.statuses.includes(403)) {
      return defects.has("low-token-ignored") ? undefined : answers.forbidden?.(call);
    }
    return undefined;
  };

  const paths = new Map<string, Set<string>>();
  for (const [operation, documented] of Object.entries(kit.spec.operations)) {
    const request = documented.request;
    const route = handlers[operation];
    if (!request || !route) throw new Error(`${kit.spec.api}: no handler or request for ${operation}`);
    paths.set(request.path, new Set([...(paths.get(request.path) ?? []), request.method]));
    app.on(request.method, honoPath(request.path), async (c) => {
      operations.set(c.req.raw, operation);
      const query = new URL(c.req.url).searchParams;
      const args = argsOf(c);
      const call: Call = { c, operation, body: undefined, param: (name) => c.req.param(name) ?? "", query, args };
      const fault = faultOf(kit, operation, c.req.header(FAULT_HEADER), args);
      if (fault) return toResponse(fault);

      const auth = c.req.header("authorization");
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
      const refused = refuse(token, auth !== undefined, call);
      if (refused) return toResponse(refused);

      const retryAfter = throttle(`${token} ${operation}`);
      if (retryAfter !== undefined) return toResponse(answers.throttled(retryAfter, call));

      const limit = limitOf(c, kit.spec, operation, maxBodyBytes);
      if (limit) return toResponse(kit.respond(limit, args));
      const text = await c.req.text();
      const parsed = parseOrUndefined(text);
      if (request.body && text !== "" && parsed === undefined && defects.has("500-on-malformed-json")) {
        return toResponse(kit.internal(args));
      }
      if (typeof route !== "function") route.before(call, parsed);
      const checked = defects.has("invalid-input-accepted") ? new URLSearchParams() : query;
      call.body = kit.checkRequest(operation, {
        params: c.req.param(),
        query: checked,
        header: (n) => c.req.header(n),
        body: text,
      });
      return typeof route === "function" ? route(call) : route.handle(call);
    });
  }

  for (const [path, methods] of paths) {
    app.all(honoPath(path), (c) => {
      if (methods.has(c.req.method)) return c.notFound();
      const args = argsOf(c);
      const response =
        kit.spec.statuses["405"]?.body !== undefined
          ? kit.respond({ status: 405 }, args)
          : (answers.unsupportedMethod?.(args) ?? kit.internal(args));
      return toResponse({ ...response, headers: { ...response.headers, allow: [...methods].join(", ") } });
    });
  }
  return app;
}

/**
 * What every reference server shares: a Hono app whose routes come from the API's `ServerSpec`
 * (each operation's method and path), and the steps each request passes before its handler, in
 * this order: a simulated server fault (`x-reference-fault`), the bearer token (401, then 403 for
 * the low-rights token), the rate limit (429), `Accept` (406) and the contract's request checks
 * (`kit.checkRequest`). Errors leave through the kit, with the caller's correlation id.
 */
import {
  ContractError,
  type ErrorArgs,
  type ErrorResponse,
  type Kit,
  type KitTypes,
  responseFor,
  toResponse,
} from "@error-contracts/server";
import { type Context, Hono } from "hono";
import { DEFECTS, type DefectName, rewrite } from "./defects.js";

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

/** `/referrals/{referralId}` → `/referrals/:referralId{[^/]*}`: an empty segment still reaches the contract's check. */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ":$1{[^/]*}");

/** Whether an `Accept` header admits a media type (no header, `*\/*`, `type/*` or the type itself). */
function accepts(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return true;
  const [type] = mediaType.split("/");
  return accept.split(",").some((part) => {
    const range = part.split(";")[0]!.trim().toLowerCase();
    return range === "*/*" || range === `${type}/*` || range === mediaType || range === "";
  });
}

/** Middleware: the switched-on defects' rewrites on every error response. */
function plantDefects(spec: AnyKit["spec"], defects: ReadonlySet<DefectName>, operations: WeakMap<Request, string>) {
  return async (c: Context, next: () => Promise<void>) => {
    await next();
    if (c.res.status < 400) return;
    const text = await c.res.text();
    const out = {
      status: c.res.status,
      headers: new Headers(c.res.headers),
      body: parseOrUndefined(text) ?? text,
      operation: operations.get(c.req.raw),
    };
    rewrite(defects, out, spec);
    const body = typeof out.body === "string" ? out.body : JSON.stringify(out.body);
    c.res = new Response(body, { status: out.status, headers: out.headers });
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

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

/**
 * A reference server: `handlers` has one entry per operation of the API (by operationId); each
 * request passes the shared steps, then its handler. A method the path does not declare gets the
 * documented 405 where the API has one, else `unsupportedMethod` (default: the documented 405 or 500).
 */
export function referenceApp(
  kit: AnyKit,
  answers: Answers,
  handlers: Record<string, Route>,
  options: ReferenceOptions = {},
): Hono {
  const { limit, windowMs } = options.rateLimit ?? { limit: 50, windowMs: 10_000 };
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const windows = new Map<string, { start: number; count: number }>();
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
  const send = (response: ErrorResponse) => toResponse(response);
  app.onError((error, c) => send(responseFor(kit, error, argsOf(c).correlationId)));

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
      if (fault) return send(fault);

      const auth = c.req.header("authorization");
      const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
      if (token !== FULL_TOKEN && token !== LOW_TOKEN && !defects.has("auth-ignored"))
        return send(answers.unauthenticated(auth ? "invalid" : "missing", call));
      if (token === LOW_TOKEN && answers.forbidden && documented.statuses.includes(403)) {
        if (!defects.has("low-token-ignored")) return send(answers.forbidden(call));
      }
      if (token === LOW_TOKEN && !documented.statuses.includes(403) && defects.has("undocumented-403")) {
        return send({ ...answers.unauthenticated("invalid", call), status: 403 });
      }

      const key = `${token} ${operation}`;
      const now = Date.now();
      const window = windows.get(key);
      if (!window || now - window.start >= windowMs) windows.set(key, { start: now, count: 1 });
      else if (++window.count > limit) {
        return send(answers.throttled(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)), call));
      }

      const accept = c.req.header("accept");
      const documents = (status: number) =>
        documented.statuses.includes(status) && kit.spec.statuses[status]?.body !== undefined;
      if (documents(406) && request.produces.length > 0 && !request.produces.some((type) => accepts(accept, type))) {
        return send(kit.respond({ status: 406 }, args));
      }
      const length = c.req.header("content-length");
      if (documents(411) && request.body && length === undefined && c.req.header("transfer-encoding")) {
        return send(kit.respond({ status: 411 }, args));
      }
      if (documents(413) && Number(length) > maxBodyBytes) return send(kit.respond({ status: 413 }, args));
      const text = await c.req.text();
      const parsed = parseOrUndefined(text);
      if (request.body && text !== "" && parsed === undefined && defects.has("500-on-malformed-json")) {
        return send(kit.internal(args));
      }
      if (typeof route !== "function") route.before(call, parsed);
      call.body =
        defects.has("invalid-input-accepted") && (text === "" || parsed !== undefined)
          ? (parsed ?? {})
          : kit.checkRequest(operation, { params: c.req.param(), query, header: (n) => c.req.header(n), body: text });
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
      return send({ ...response, headers: { ...response.headers, allow: [...methods].join(", ") } });
    });
  }
  return app;
}

export { ContractError };

/**
 * A request to a reference server, as data: each server's `triggers.ts` lists the requests that
 * reach its documented errors (and one success per operation), for people and for test/reference-servers.test.ts.
 */
export interface Trigger {
  /** What the request does, for people. */
  why: string;
  operation: string;
  params?: {
    path?: Record<string, string>;
    query?: Record<string, string | number>;
    header?: Record<string, string>;
  };
  /** A JSON body. */
  body?: unknown;
  /** A body that is not JSON, sent as is. */
  text?: string;
  headers?: Record<string, string>;
  /** The token to send: the full one (default), the low-rights one, none, or this text. */
  token?: "full" | "low" | "none" | { other: string };
  /** Send it again until the first error, at most this many times (the rate limit). */
  repeat?: number;
}

/**
 * Planted defects: switches that make a reference server break its contract in one way each, so
 * that the conformance checker's tests can prove it reports exactly that (`error-contracts check`,
 * docs/check-rules.md). Off unless `createApp({ defects: [...] })` names them. Each says which
 * rule should report it and whether the API's contract leaves room for it; rewrites act on the
 * error responses the server would have sent, the others are read by `reference-app.ts`.
 */
import type { ServerSpec } from "@error-contracts/server";
import type { Context } from "hono";
import { parseOrUndefined } from "./http.js";

/** An error response on its way out, for a rewrite to change. */
export interface Outgoing {
  status: number;
  headers: Headers;
  body: unknown;
  /** The operation that answered it, if any. */
  operation?: string;
}

interface Defect {
  /** The check rule that must report it. */
  rule: string;
  applies(spec: ServerSpec): boolean;
  rewrite?(out: Outgoing, spec: ServerSpec): void;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
/** The object holding the member at a path, and the member's key. */
function holderOf(body: unknown, path: readonly string[]): [Json, string] | undefined {
  let node = object(body);
  for (const key of path.slice(0, -1)) node = object(node?.[key]);
  const last = path.at(-1);
  return node && last !== undefined && last in node ? [node, last] : undefined;
}
const documentsStatus = (spec: ServerSpec, status: number) => String(status) in spec.statuses;
const problem = (spec: ServerSpec) => Object.values(spec.statuses).some((s) => /problem\+json/.test(s.mediaType));
const always = () => true;

export const DEFECTS = {
  /** A request without a valid token gets a 403 where the operation documents none (a 401 is documented). */
  "undocumented-403": {
    rule: "status-undocumented",
    applies: (spec) => Object.values(spec.operations).some((op) => !op.statuses.includes(403)),
  },
  /** Errors leave with another media type than documented (`application/json` for problem details). */
  "wrong-media-type": {
    rule: "content-type",
    applies: always,
    rewrite: (out, spec) => {
      const documented = spec.statuses[out.status]?.mediaType;
      out.headers.set("content-type", documented === "application/json" ? "text/plain" : "application/json");
    },
  },
  /** A 429 or 503 without `Retry-After`. */
  "no-retry-after": {
    rule: "header-missing",
    applies: (spec) => Object.values(spec.statuses).some((s) => s.retryAfter),
    rewrite: (out) => out.headers.delete("retry-after"),
  },
  /** `Retry-After: soon`. */
  "retry-after-invalid": {
    rule: "header-invalid",
    applies: (spec) => Object.values(spec.statuses).some((s) => s.retryAfter),
    rewrite: (out) => {
      if (out.headers.has("retry-after")) out.headers.set("retry-after", "soon");
    },
  },
  /** No correlation header on errors. */
  "no-correlation-header": {
    rule: "header-missing",
    applies: (spec) => spec.shape.correlationHeader !== undefined,
    rewrite: (out, spec) => out.headers.delete(spec.shape.correlationHeader!),
  },
  /** A catalogued code with another status its operation documents (a problem's `status` follows). */
  "code-wrong-status": {
    rule: "code-status-mismatch",
    applies: always,
    rewrite: (out, spec) => {
      const code = holderOf(out.body, spec.shape.code);
      const catalogued = code && String(code[0][code[1]]) in spec.codes;
      const documented = out.operation ? spec.operations[out.operation]?.statuses : undefined;
      const other = documented?.find((s) => s !== out.status && s >= 400 && s < 500 && s !== 401);
      if (!catalogued || other === undefined) return;
      out.status = other;
      const member = holderOf(out.body, ["status"]);
      if (member && problem(spec)) member[0][member[1]] = other;
    },
  },
  /** A code the catalog does not have, of the right wire type. */
  "unknown-code": {
    rule: "code-unknown",
    applies: always,
    rewrite: (out, spec) => {
      const code = holderOf(out.body, spec.shape.code);
      if (code && String(code[0][code[1]]) in spec.codes) {
        code[0][code[1]] = spec.shape.codeType === "number" ? 99_999_999 : "NO_SUCH_CODE";
      }
    },
  },
  /** A problem's `status` member that differs from the HTTP status. */
  "problem-status-lies": {
    rule: "problem-status-mismatch",
    applies: problem,
    rewrite: (out) => {
      const member = holderOf(out.body, ["status"]);
      if (member) member[0][member[1]] = out.status === 500 ? 400 : 500;
    },
  },
  /** A 404 as an HTML page. */
  "html-404": {
    rule: "content-type",
    applies: (spec) => documentsStatus(spec, 404),
    rewrite: (out) => {
      if (out.status !== 404) return;
      out.headers.set("content-type", "text/html; charset=utf-8");
      out.body = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>";
    },
  },
  /** A stack trace in every error's message. */
  "stack-trace-leak": {
    rule: "error-leak",
    applies: always,
    rewrite: (out, spec) => {
      const message = holderOf(out.body, spec.shape.message[0] ?? []);
      if (message) message[0][message[1]] = `${message[0][message[1]]}\n    at handler (/srv/app/src/index.ts:42:13)`;
    },
  },
  /** An error message of the wrong JSON type. */
  "message-not-a-string": {
    rule: "body-schema",
    applies: always,
    rewrite: (out, spec) => {
      const message = holderOf(out.body, spec.shape.message[0] ?? []);
      if (message) message[0][message[1]] = 42;
    },
  },
  /** Requests without a valid token are served. */
  "auth-ignored": { rule: "trigger-accepted", applies: always },
  /** The low-rights token has all rights. */
  "low-token-ignored": {
    rule: "trigger-accepted",
    applies: (spec) => Object.values(spec.operations).some((op) => op.statuses.includes(403)),
  },
  /** Query parameters that break the contract's constraints are served (paths, headers and bodies are still checked). */
  "invalid-input-accepted": {
    rule: "trigger-accepted",
    applies: (spec) =>
      Object.values(spec.operations).some((op) => op.request?.parameters.some((p) => p.in === "query")),
  },
  /** A body that is not JSON gets the documented 500. */
  "500-on-malformed-json": {
    rule: "server-error-on-client-fault",
    applies: (spec) => Object.values(spec.operations).some((op) => op.request?.body !== undefined),
  },
} satisfies Record<string, Defect>;

export type DefectName = keyof typeof DEFECTS;

/** Applies the switched-on rewrites to an error response, in place. */
export function rewrite(defects: ReadonlySet<DefectName>, out: Outgoing, spec: ServerSpec): void {
  for (const name of defects) (DEFECTS[name] as Defect).rewrite?.(out, spec);
  out.headers.delete("content-length");
}

/** Middleware: the switched-on defects' rewrites on every error response. */
export function plantDefects(spec: ServerSpec, defects: ReadonlySet<DefectName>, operations: WeakMap<Request, string>) {
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
    // Hono's setter copies the old response's headers into the new one: clear it first, or nothing is removed.
    c.res = undefined as unknown as Response;
    c.res = new Response(body, { status: out.status, headers: out.headers });
  };
}

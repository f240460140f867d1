import type { ErrorRef, KitTypes, ServerSpec } from "./spec.js";
import type { IncomingRequest } from "./request.js";
import type { RetryAfter } from "./retry-after.js";

/** A documented error response, ready for any adapter. `headers` has lower-case names; the media type is apart. */
export interface ErrorResponse<Body = unknown, Status extends number = number> {
  readonly status: Status;
  readonly headers: Readonly<Record<string, string>>;
  /** The body (frozen: pass what changes as arguments). */
  readonly body: Body;
  readonly mediaType: string;
}

/** What a caller may set on any error response. */
export interface ErrorArgs {
  /** Written at the shape's first message path; the catalog's (or the status's) message otherwise. */
  message?: string;
  /** Written at the shape's `target`, where it declares one. */
  target?: string;
  /** Written at the shape's `details`, where it declares one. */
  details?: unknown;
  /** The correlation id (the request's, say) for the shape's correlation header or member; else a new UUID. */
  correlationId?: string;
  /** Seconds, or the moment, from which the client may retry: `Retry-After`. */
  retryAfter?: RetryAfter;
  /** More headers. */
  headers?: Record<string, string>;
}

type WithRetry = ErrorArgs & { retryAfter: RetryAfter };
type CodeOf<T extends KitTypes> = Extract<keyof T["codes"], string | number>;
type StatusOf<T extends KitTypes> = Extract<keyof T["statuses"], number>;
/** The code's wire type, as the catalog's codes have it. */
export type WireCode<T extends KitTypes> = CodeOf<T> extends number ? number : string;

/** The arguments of a code: `retryAfter` required when its status needs `Retry-After`. */
export type CodeArgs<T extends KitTypes, C extends CodeOf<T>> = true extends T["codes"][C]["retryAfter"]
  ? [args: WithRetry]
  : [args?: ErrorArgs];

/** The arguments of a status without a code: `retryAfter` and `code` required when the contract needs them. */
export type StatusArgs<T extends KitTypes, S extends StatusOf<T>> = true extends T["statuses"][S]["code"]
  ? [args: (true extends T["statuses"][S]["retryAfter"] ? WithRetry : ErrorArgs) & { code: WireCode<T> }]
  : true extends T["statuses"][S]["retryAfter"]
    ? [args: WithRetry & { code?: WireCode<T> }]
    : [args?: ErrorArgs & { code?: WireCode<T> }];

/** `T` narrowed to the codes and statuses one operation documents. */
export type OperationTypes<T extends KitTypes, Op extends keyof T["operations"]> = {
  body: T["body"];
  codes: Pick<T["codes"], Extract<T["operations"][Op]["codes"], keyof T["codes"]>>;
  statuses: Pick<T["statuses"], Extract<T["operations"][Op]["statuses"], keyof T["statuses"]>>;
  operations: T["operations"];
};

/** The codes and code-less statuses an operation documents: `ErrorsFor<Types, "sendMessage">`. */
export type ErrorsFor<T extends KitTypes, Op extends keyof T["operations"]> =
  | Extract<T["operations"][Op]["codes"], keyof T["codes"]>
  | Extract<T["operations"][Op]["statuses"], keyof T["statuses"]>;

/** The factories of one API's documented errors. */
export interface Kit<T extends KitTypes> {
  /** The data the kit was made from. */
  readonly spec: ServerSpec;
  /** The response of a catalogued code: its status, media type, headers and the catalog's example body. */
  create<C extends CodeOf<T>>(code: C, ...args: CodeArgs<T, C>): ErrorResponse<T["body"], T["codes"][C]["status"]>;
  /** The response of a documented status that has no catalogued code. */
  forStatus<S extends StatusOf<T>>(status: S, ...args: StatusArgs<T, S>): ErrorResponse<T["body"], S>;
  /** The documented 500, which error handlers send for anything that is not a `ContractError`. */
  internal(args?: ErrorArgs): ErrorResponse<T["body"]>;
  /** The documented answer to a request body that is not JSON (the 500's when the contract names none). */
  malformedBody(args?: ErrorArgs): ErrorResponse<T["body"]>;
  /**
   * The response of an error named as data (`{ code: "30011" }`, the code's text; `{ status: 413 }`),
   * untyped: what the error handlers and data-driven servers use. Throws on what the API does not document.
   */
  respond(ref: ErrorRef, args?: ErrorArgs & { code?: string | number }): ErrorResponse<T["body"]>;
  /**
   * Checks a request against what the operation accepts (parameters, body media type and schema) and
   * returns its body, parsed; a breach throws a `ContractError` with the code the contract names for
   * it (`x-error-code`). Needs ajv and ajv-formats; each operation is compiled on its first request.
   */
  checkRequest(operation: Extract<keyof T["operations"], string>, request: IncomingRequest): unknown;
  /** The same kit, typed to the codes and statuses one operation documents. */
  operation<Op extends Extract<keyof T["operations"], string>>(operation: Op): Kit<OperationTypes<T, Op>>;
}

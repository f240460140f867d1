/**
 * What the build tells the kit about one API (`generated/<api>/server.ts`), all read from its
 * bundle: where its error body keeps each member, every documented error status with its media
 * type, headers and schema, and the catalog's codes with their example bodies. The kit knows no
 * family by name: everything it does comes from this data.
 */

/** Where an error body keeps what the contract's `x-error-shape` declares: paths from the body's root. */
export interface ServerShape {
  readonly code: readonly string[];
  /** The code's JSON type on the wire. */
  readonly codeType: "string" | "number";
  /** Paths of the message; the kit writes a caller's message at the first. */
  readonly message: readonly (readonly string[])[];
  readonly target?: readonly string[];
  readonly details?: readonly string[];
  /** A body member carrying the correlation id. */
  readonly correlationId?: readonly string[];
  /** A response header carrying the correlation id (lower case). */
  readonly correlationHeader?: string;
}

/** A header an error response declares. */
export interface HeaderSpec {
  readonly required: boolean;
  readonly schema?: unknown;
}

/** One documented error status of the API. */
export interface StatusSpec {
  readonly mediaType: string;
  /** The HTTP reason phrase (`Not Found`). */
  readonly reason: string;
  /** Whether its responses carry `Retry-After` (the shape's `retryAfter`, or a required header). */
  readonly retryAfter: boolean;
  /** Its headers by lower-case name. */
  readonly headers: { readonly [name: string]: HeaderSpec };
  /** The body schema (local `$ref`s resolve in `ServerSpec.schemas`). */
  readonly schema?: unknown;
  /**
   * A status without a catalogued code: its minimal schema-conformant body, with the response's
   * description as the message. `codeRequired`: the schema requires a code, which the caller gives.
   */
  readonly body?: unknown;
  readonly codeRequired?: boolean;
}

/** A code of the catalog: its status and the catalog example's body. */
export interface CodeSpec {
  readonly status: number;
  readonly body: unknown;
}

/** A parameter of an operation, with the code its contract names for a value that breaks it. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schema?: unknown;
  /** The parameter's (or its schema's) `x-error-code`, as text. */
  readonly code?: string;
}

/** An operation's request body: its media types with their schemas, and its `x-error-code`. */
export interface RequestBodySpec {
  readonly required: boolean;
  readonly content: { readonly [mediaType: string]: { readonly schema?: unknown } };
  readonly code?: string;
}

/** What an operation accepts, for `kit.checkRequest`. */
export interface RequestSpec {
  readonly method: string;
  /** The path template (`/referrals/{referralId}`). */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  readonly body?: RequestBodySpec;
  /** The media types of its successful responses. */
  readonly produces: readonly string[];
}

/** Which error a handler sends: a catalogued code, or a status without one. */
export type ErrorRef = { readonly code: string } | { readonly status: number };

export interface ServerSpec {
  readonly api: string;
  readonly shape: ServerShape;
  /** Every documented error status, keyed by status. */
  readonly statuses: { readonly [status: string]: StatusSpec };
  /** The catalog, keyed by the code's text (`"30011"`, `"99910"`). */
  readonly codes: { readonly [code: string]: CodeSpec };
  /** Each operation (by operationId, else `"<method> <path>"`): the codes and error statuses it documents. */
  readonly operations: {
    readonly [operation: string]: {
      readonly codes: readonly (string | number)[];
      readonly statuses: readonly number[];
      /** What it accepts (absent in a spec written before request checks). */
      readonly request?: RequestSpec;
    };
  };
  /** The documented 500: what an unexpected exception becomes. */
  readonly internal: ErrorRef;
  /** The documented answer to a request body that is not JSON (the request bodies' `x-error-code`), if any. */
  readonly malformedBody?: ErrorRef;
  /**
   * The answer to a request that breaks a constraint declaring no `x-error-code` of its own (nor its body):
   * the one top-level catalogued code with status 400, else a code-less 400, if the API has either.
   */
  readonly invalidRequest?: ErrorRef;
  /** `components.schemas` the statuses' and requests' schemas refer to, for the run-time checks. */
  readonly schemas: { readonly [name: string]: unknown };
}

/**
 * The types a generated `server.ts` gives the kit: the body type, each code with its status and
 * whether it needs `Retry-After`, each status without a code, each operation's errors.
 */
export interface KitTypes {
  body: unknown;
  codes: { [code: string | number]: { status: number; retryAfter: boolean } };
  statuses: { [status: number]: { retryAfter: boolean; code: boolean } };
  operations: { [operation: string]: { codes: string | number; statuses: number } };
}

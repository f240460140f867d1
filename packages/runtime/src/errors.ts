import { retryAfterMs } from "./parse.js";

/** What the error catalog says of one code (`generated/<api>/errors.ts`). */
export interface CatalogEntry {
  readonly status: number;
  readonly message: string;
  readonly description: string;
  readonly retryable: boolean;
  readonly kind: "code" | "innerCode";
}

/** What the generated client tells the runtime about its API, all known at build time. */
export interface ApiSpec {
  readonly family: string;
  /** The JSON type of the family's codes on the wire: a code of another type is ignored. */
  readonly codeType: "string" | "number";
  /** The family's catalog, keyed by code. */
  readonly catalog: { readonly [code: string]: CatalogEntry };
  /** The correlation header the family's errors carry, sent by the client on every attempt. */
  readonly correlationHeader?: string;
  /**
   * Where the family's error body keeps what `ApiError` reads, as the contract's `x-error-shape`
   * declares it (or the build inferred it): paths of members, from the body's root. No shape: no
   * code is read, and the message comes from the catalog or the status.
   */
  readonly shape?: ErrorShape;
  /** The error statuses each operation documents, keyed `"<method> <path>"`. */
  readonly errors: { readonly [operation: string]: readonly number[] };
  /**
   * The members of the error body schema whose JSON type is checked, as `[name, type,
   * required]` (type: the `typeof` of the value): `""` for the body, a member's name for that
   * member's object: `{ "": [["error", "object", true]], error: [["code", "string", true]] }`.
   */
  readonly body: { readonly [member: string]: readonly (readonly [name: string, type: string, required?: boolean])[] };
}

/** Paths into an error body (`["error", "code"]`), as `ApiSpec.shape` gives them. */
export interface ErrorShape {
  readonly code: readonly string[];
  /** The first present wins: `[["detail"], ["title"]]`. */
  readonly message: readonly (readonly string[])[];
  readonly target?: readonly string[];
  readonly details?: readonly string[];
  /** The members, in the object holding the code, of a more specific error of the same shape, recursively. */
  readonly innerError: readonly string[];
  /** A correlation id in the body (a sales body's `activityId`). */
  readonly correlationId?: readonly string[];
}

/**
 * Why the call failed: `status` an HTTP error status; `network` no response (reset, refused);
 * `timeout` an attempt ran out of time; `aborted` the caller's signal; `invalid` a 2xx
 * response whose body could not be read as documented.
 */
export type FailureReason = "status" | "network" | "timeout" | "aborted" | "invalid";

/** A code of the family's wire type: one of the catalog's (suggested by editors) or another. */
export type LooseCode<C> = C | (C extends number ? number & {} : string & {});

/** The HTTP statuses that may pass when repeated (as may a network failure or a timeout). */
export const transientStatuses = [408, 429, 500, 502, 503, 504];

/**
 * A failed call: an HTTP error status, or no usable response. `S` is the status, `B` the
 * documented body of that status, `C` the family's error codes.
 */
export class ApiError<
  S extends number = number,
  B = unknown,
  C extends string | number = string | number,
> extends Error {
  /** The HTTP status; 0 when no response came (a network failure, a timeout or an abort before one). */
  declare readonly status: S;
  declare readonly reason: FailureReason;
  /** The error family of the API (`partner`): its catalog's family, else the API's id. */
  declare readonly family: string;
  /** The top-level code, when the body has one of the family's wire type. */
  declare readonly code: LooseCode<C> | undefined;
  /** The deepest code of the inner-error chain the caller understands (`knownCodes`), else `code`. */
  declare readonly specificCode: LooseCode<C> | undefined;
  declare readonly target: string | undefined;
  declare readonly details: unknown;
  /** The correlation header of the response, else the body's correlation id, else the id the client sent. */
  declare readonly correlationId: string | undefined;
  /** How long the server asked to wait (`retry-after-ms`, `Retry-After`), in ms. */
  declare readonly retryAfterMs: number | undefined;
  /** How many requests were sent, retries included. */
  declare readonly attempts: number;
  /** The body, typed as documented: set when the operation documents the status and the body has the family's shape (members of the wrong JSON type dropped). */
  declare readonly body: B | undefined;
  /** What came, unchecked: the parsed JSON, the text, or undefined for no body. */
  declare readonly raw: unknown;
  declare readonly response: Response | undefined;
  /** The catalog entry of `specificCode` (else of `code`), when the catalog has it. */
  declare readonly catalog: CatalogEntry | undefined;
  /** Whether repeating the request later can succeed: the catalog's word, else the status's. */
  declare readonly retryable: boolean;

  constructor({
    message,
    cause,
    ...fields
  }: Omit<ApiError<S, B, C>, keyof Error> & { message: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
    this.name = "ApiError";
  }
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
/** The member at a path of objects (never an array's, never an inherited one). */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    const holder = object(node);
    node = holder && Object.hasOwn(holder, key) ? holder[key] : undefined;
  }
  return node;
}

/**
 * A shallow copy without the listed members whose JSON type is wrong (RFC 9457: ignore them),
 * or undefined when a required one is missing or wrong.
 */
function clean(value: unknown, members: ApiSpec["body"][string] = []): Json | undefined {
  const copy = object(value) && { ...(value as Json) };
  for (const [name, type, required] of members) {
    if (copy && (copy[name] == null || typeof copy[name] !== type)) {
      if (required) return undefined;
      delete copy[name];
    }
  }
  return copy;
}

/** The body as its schema types it, or undefined when it has not that shape. */
function typedBody(spec: ApiSpec, top: unknown): Json | undefined {
  const body = clean(top, spec.body[""]);
  for (const member in spec.body) {
    if (member && body?.[member] !== undefined) {
      const inner = clean(body[member], spec.body[member]);
      if (!inner) return undefined;
      body[member] = inner;
    }
  }
  return body;
}

export interface Failure {
  reason: FailureReason;
  attempts: number;
  response?: Response | undefined;
  /** The body as `readBody` returned it. */
  raw?: unknown;
  cause?: unknown;
  /** The correlation id the client sent. */
  sentId?: string | undefined;
  /** Whether the operation documents this status. */
  documented?: boolean;
  /** The codes the caller understands; default: the catalog's. */
  known?: ReadonlySet<string> | undefined;
  /** Ends the reading of the body (the attempt's timeout, the caller's abort). */
  signal?: AbortSignal | undefined;
}

/** Reads an `ApiError` out of whatever came: any body, any headers, or none. */
export function createApiError(spec: ApiSpec, failure: Failure): ApiError {
  const { response, raw, reason } = failure;
  const { catalog } = spec;
  const status = response?.status ?? 0;
  const shape = spec.shape;
  const at = (path: readonly string[] | undefined, from: unknown = raw) => (path ? valueAt(from, path) : undefined);
  /** The code, if it has the family's wire type. */
  const wire = (code: unknown) => (typeof code === spec.codeType ? (code as string | number) : undefined);
  const entry = (code: unknown) => (Object.hasOwn(catalog, code as string) ? catalog[code as string] : undefined);
  const known = (code: unknown) =>
    code !== undefined && (failure.known ? failure.known.has(String(code)) : !!entry(code));

  const code = wire(at(shape?.code));
  let specificCode = known(code) ? code : undefined;
  if (shape && shape.innerError.length > 0) {
    const codeKey = shape.code.slice(-1);
    let node = object(at(shape.code.slice(0, -1)));
    while (node) {
      const key = shape.innerError.find((k) => object(node?.[k]));
      node = key ? object(node[key]) : undefined;
      const inner = wire(at(codeKey, node));
      if (known(inner)) specificCode = inner;
    }
  }
  specificCode ??= code;
  const found = entry(specificCode) ?? entry(code);
  const details = at(shape?.details);
  const top = object(raw);
  return new ApiError({
    message:
      (shape?.message ?? []).map((path) => text(at(path))).find((m) => m !== undefined) ??
      found?.message ??
      (reason === "status" ? `HTTP ${status}` : `${reason}: ${failure.cause}`),
    cause: failure.cause,
    status,
    reason,
    family: spec.family,
    code,
    specificCode,
    target: text(at(shape?.target)),
    details: details && typeof details === "object" ? details : undefined,
    correlationId:
      (spec.correlationHeader && response?.headers.get(spec.correlationHeader)) ||
      text(at(shape?.correlationId)) ||
      failure.sentId,
    retryAfterMs: response && retryAfterMs(response.headers),
    attempts: failure.attempts,
    body: failure.documented ? typedBody(spec, top) : undefined,
    raw,
    response,
    catalog: found,
    // With no response: a network failure or a timeout may pass, an abort may not.
    retryable: found ? found.retryable : response ? transientStatuses.includes(status) : reason !== "aborted",
  });
}

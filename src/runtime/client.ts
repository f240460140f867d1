import createClient, { type ClientOptions, type FetchResponse, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import { ApiError, createApiError, type FailureReason, type ApiSpec } from "./errors.js";
import { readBody } from "./parse.js";
import { defaultPolicy, fetchWithRetries, type CallState, type RetryPolicy } from "./retry.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
const methods: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Per-call options: any number of the client's policy. */
export type CallOptions = Partial<RetryPolicy>;

/** openapi-fetch's options, the retry policy, and the codes the caller understands. */
export interface ApiClientOptions<C extends string | number = string | number> extends ClientOptions, CallOptions {
  /** The codes the caller handles, for `specificCode`; default: every code of the catalog. */
  knownCodes?: readonly (C | (string & {}) | (number & {}))[];
}

type Responses<Op> = Op extends { responses: infer R } ? R : {};
/** The 4xx and 5xx statuses an operation documents. */
export type ErrorStatusOf<Op> = { [K in keyof Responses<Op>]: K extends number ? (`${K}` extends `4${string}` | `5${string}` ? K : never) : never }[keyof Responses<Op>];
type Content<R> = R extends { content: infer M } ? (M extends Record<string, unknown> ? M[keyof M] : undefined) : undefined;

/**
 * The error of an operation: an `ApiError` per documented status, whose `body` is that
 * status's body, or one of any other status (0 for no response) with no typed body.
 */
export type ErrorOf<Op, C extends string | number = string | number> =
  | { [S in ErrorStatusOf<Op>]: ApiError<S, Content<Responses<Op>[S]>, C> }[ErrorStatusOf<Op>]
  | ApiError<number, undefined, C>;

type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type InitParam<I> = RequiredKeysOf<I> extends never ? [(I & CallOptions & { [key: string]: unknown })?] : [I & CallOptions & { [key: string]: unknown }];
type PathsWith<Paths, M extends HttpMethod> = { [P in keyof Paths]: Paths[P] extends { [K in M]: {} } ? P : never }[keyof Paths];
type Op<Paths, P, M extends HttpMethod> = P extends keyof Paths ? (M extends keyof Paths[P] ? Paths[P][M] : never) : never;

/** openapi-fetch's result, with `error` set, an `ApiError`, on every failure; `response` is `Response.error()` (status 0) when none came. */
export type CallResult<O, I, C extends string | number> =
  | { data: DataOf<FetchResponse<O & Record<string | number, any>, I, `${string}/${string}`>>; error?: never; response: Response }
  | { data?: never; error: ErrorOf<O, C>; response: Response };

export type CallMethod<Paths, M extends HttpMethod, C extends string | number> = <P extends PathsWith<Paths, M>, I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>>(
  url: P,
  ...init: InitParam<I>
) => Promise<CallResult<Op<Paths, P, M>, I, C>>;

/** The throwing style: resolves to `{ data, response }`, rejects with the operation's `ErrorOf`. */
export type ThrowingMethod<Paths, M extends HttpMethod, C extends string | number> = <P extends PathsWith<Paths, M>, I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>>(
  url: P,
  ...init: InitParam<I>
) => Promise<Extract<CallResult<Op<Paths, P, M>, I, C>, { response: Response; error?: never }>>;

/** A typed client: openapi-fetch's methods, each failure an `ApiError`; `orThrow` holds the throwing style. */
export type ApiClient<Paths extends {}, C extends string | number> = { [M in HttpMethod as Uppercase<M>]: CallMethod<Paths, M, C> } & {
  orThrow: { [M in HttpMethod as Uppercase<M>]: ThrowingMethod<Paths, M, C> };
  /** Registers openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
};

type Init = Record<string, unknown> & { signal?: AbortSignal | null };
type Result = { data?: unknown; error?: ApiError; response: Response };
const policyKeys = [...Object.keys(defaultPolicy), "onRetry"] as (keyof RetryPolicy)[];

/** Takes the policy options out of `options`, on top of `base`. */
function splitPolicy(options: Init, base: RetryPolicy): [RetryPolicy, Init] {
  let policy = base;
  let rest = options;
  for (const key of policyKeys) {
    if (options[key] === undefined) continue;
    if (policy === base) [policy, rest] = [{ ...base }, { ...options }];
    (policy as unknown as Init)[key] = options[key];
    delete rest[key];
  }
  return [policy, rest];
}

/**
 * A typed client of one API on openapi-fetch: retries in the `fetch` handed to it, and every
 * failure (error status, no response, unreadable 2xx body) an `ApiError` of the API's family.
 */
export function createApiClient<Paths extends {}, C extends string | number>(options: ApiClientOptions<NoInfer<C>>, spec: ApiSpec): ApiClient<Paths, C> {
  const { knownCodes, ...clientOptions } = options;
  const [clientPolicy, openapiOptions] = splitPolicy(clientOptions, defaultPolicy);
  const send = (openapiOptions.fetch as CallState["send"] | undefined) ?? ((request, init) => fetch(request, init));
  const known = knownCodes && new Set(knownCodes.map(String));
  const inner = createClient<Paths>(openapiOptions);

  async function call(method: HttpMethod, url: string, callOptions: Init = {}): Promise<Result> {
    const [policy, init] = splitPolicy(callOptions, clientPolicy);
    const statuses = spec.errors[`${method} ${url}`];
    const state: CallState = {
      policy,
      send,
      correlationHeader: spec.correlationHeader,
      attempts: 0,
      fail: async (failure) =>
        createApiError(spec, {
          ...failure,
          raw: "raw" in failure ? failure.raw : failure.response && (await readBody(failure.response, policy.maxErrorBodyBytes, failure.signal)),
          documented: !!failure.response && !!statuses?.includes(failure.response.status),
          sentId: state.sentId,
          known,
        }),
    };
    try {
      const pending = (inner.request as (m: string, u: string, i: Init) => Promise<Result>)(method, url, {
        ...init,
        fetch: (request: Request, ext?: RequestInit) => fetchWithRetries(request, ext, state),
      });
      const result = policy.timeoutMs > 0 ? await Promise.race([pending, new Promise<never>((_, reject) => (state.interrupt = reject))]) : await pending;
      if (result.response.ok) return result;
      // A non-2xx that middleware made: openapi-fetch has read its body.
      return { error: await state.fail({ reason: "status", response: result.response, raw: result.error, attempts: state.attempts }), response: result.response };
    } catch (cause) {
      if (cause instanceof ApiError) return { error: cause, response: cause.response ?? Response.error() };
      if (state.attempts === 0 && !init.signal?.aborted) throw cause; // the request could not be built: a caller's mistake
      const reason: FailureReason = init.signal?.aborted ? "aborted" : state.timedOut ? "timeout" : cause instanceof SyntaxError ? "invalid" : "network";
      const error = await state.fail({ reason, cause, attempts: state.attempts, response: state.response, raw: undefined });
      return { error, response: state.response ?? Response.error() };
    } finally {
      state.release?.();
    }
  }

  const client = { use: inner.use, eject: inner.eject, orThrow: {} } as Record<string, unknown> & { orThrow: Record<string, unknown> };
  for (const method of methods) {
    const name = method.toUpperCase();
    client[name] = (url: string, init?: Init) => call(method, url, init);
    client.orThrow[name] = async (url: string, init?: Init) => {
      const result = await call(method, url, init);
      if (result.error) throw result.error;
      return result;
    };
  }
  return client as unknown as ApiClient<Paths, C>;
}

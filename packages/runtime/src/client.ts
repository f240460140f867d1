import createClient, {
  type ClientOptions,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from "openapi-fetch";
import { ApiError, createApiError, type ApiSpec } from "./errors.js";
import { readBody } from "./parse.js";
import { defaultPolicy, fetchWithRetries, type CallState, type RetryPolicy } from "./retry.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
const methods = "get put post delete options head patch trace".split(" ") as HttpMethod[];

/** Per-call options: any number of the client's policy. */
export type CallOptions = Partial<RetryPolicy>;

/** openapi-fetch's options, the retry policy, and the codes the caller understands. */
export interface ApiClientOptions<C extends string | number = string | number> extends ClientOptions, CallOptions {
  /** The codes the caller handles, for `specificCode`; default: every code of the catalog. */
  knownCodes?: readonly (C | (string & {}) | (number & {}))[];
}

// biome-ignore lint/complexity/noBannedTypes: no responses is the empty object type, as openapi-typescript writes it
type Responses<Op> = Op extends { responses: infer R } ? R : {};
/** The 4xx and 5xx statuses an operation documents. */
export type ErrorStatusOf<Op> = {
  [K in keyof Responses<Op>]: K extends number ? (`${K}` extends `4${string}` | `5${string}` ? K : never) : never;
}[keyof Responses<Op>];
type Content<R> = R extends { content: infer M }
  ? M extends Record<string, unknown>
    ? M[keyof M]
    : undefined
  : undefined;

/**
 * The error of an operation: an `ApiError` per documented status, whose `body` is that
 * status's body, or one of any other status (0 for no response) with no typed body.
 */
export type ErrorOf<Op, C extends string | number = string | number> =
  | { [S in ErrorStatusOf<Op>]: ApiError<S, Content<Responses<Op>[S]>, C> }[ErrorStatusOf<Op>]
  | ApiError<number, undefined, C>;

type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how an optional key is told from a required one
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type InitParam<I> =
  RequiredKeysOf<I> extends never
    ? [(I & CallOptions & { [key: string]: unknown })?]
    : [I & CallOptions & { [key: string]: unknown }];
type PathsWith<Paths, M extends HttpMethod> = {
  // biome-ignore lint/complexity/noBannedTypes: any value at the method's key, as openapi-fetch's own PathsWithMethod
  [P in keyof Paths]: Paths[P] extends { [K in M]: {} } ? P : never;
}[keyof Paths];
type Op<Paths, P, M extends HttpMethod> = P extends keyof Paths
  ? M extends keyof Paths[P]
    ? Paths[P][M]
    : never
  : never;

/** openapi-fetch's result, with `error` set, an `ApiError`, on every failure; `response` is `Response.error()` (status 0) when none came. */
export type CallResult<O, I, C extends string | number> =
  | {
      // biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's FetchResponse constrains its operation with `any`
      data: DataOf<FetchResponse<O & Record<string | number, any>, I, `${string}/${string}`>>;
      error?: never;
      response: Response;
    }
  | { data?: never; error: ErrorOf<O, C>; response: Response };

export type CallMethod<Paths, M extends HttpMethod, C extends string | number> = <
  P extends PathsWith<Paths, M>,
  I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  url: P,
  ...init: InitParam<I>
) => Promise<CallResult<Op<Paths, P, M>, I, C>>;

/** The throwing style: resolves to `{ data, response }`, rejects with the operation's `ErrorOf`. */
export type ThrowingMethod<Paths, M extends HttpMethod, C extends string | number> = <
  P extends PathsWith<Paths, M>,
  I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  url: P,
  ...init: InitParam<I>
) => Promise<Extract<CallResult<Op<Paths, P, M>, I, C>, { response: Response; error?: never }>>;

/** A typed client: openapi-fetch's methods, each failure an `ApiError`; `orThrow` holds the throwing style. */
export type ApiClient<Paths extends {}, C extends string | number> = {
  [M in HttpMethod as Uppercase<M>]: CallMethod<Paths, M, C>;
} & {
  orThrow: { [M in HttpMethod as Uppercase<M>]: ThrowingMethod<Paths, M, C> };
  /** Registers openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
};

type Init = Record<string, unknown> & { signal?: AbortSignal | null };
type Result = { data?: unknown; error?: ApiError; response: Response };

/**
 * `base` with the policy numbers `options` sets. openapi-fetch ignores these options (and
 * `knownCodes`): they are left in what it gets.
 */
function withOptions(base: RetryPolicy, options: Init): RetryPolicy {
  const policy = { ...base };
  for (const key in base) if (options[key] !== undefined) policy[key as "retries"] = options[key] as number;
  return policy;
}

/**
 * A typed client of one API on openapi-fetch: retries in the `fetch` handed to it, and every
 * failure (error status, no response, unreadable 2xx body) an `ApiError` of the API's family.
 * (Over 60 lines as one job: the two calling styles share one closure, kept whole for the
 * runtime's size budget.)
 */
export function createApiClient<Paths extends {}, C extends string | number>(
  options: ApiClientOptions<NoInfer<C>>,
  spec: ApiSpec,
): ApiClient<Paths, C> {
  const clientPolicy = withOptions(defaultPolicy, options as Init);
  const send: CallState["send"] = options.fetch ?? ((request, init) => fetch(request, init));
  const known = options.knownCodes && new Set(options.knownCodes.map(String));
  const inner = createClient<Paths>(options);
  const request = inner.request as (method: string, url: string, init: Init) => Promise<Result>;
  const failed = (error: ApiError): Result => ({ error, response: error.response ?? Response.error() });

  async function call(method: HttpMethod, url: string, init: Init = {}): Promise<Result> {
    const policy = withOptions(clientPolicy, init);
    const state: CallState = {
      policy,
      send: (init.fetch as CallState["send"] | undefined) ?? send,
      correlationHeader: spec.correlationHeader,
      attempts: 0,
      fail: async (failure) =>
        createApiError(spec, {
          ...failure,
          raw:
            "raw" in failure
              ? failure.raw
              : failure.response && (await readBody(failure.response, policy.maxErrorBodyBytes, failure.signal)),
          documented: !!spec.errors[`${method} ${url}`]?.includes(failure.response?.status ?? 0),
          attempts: state.attempts,
          sentId: state.sentId,
          known,
        }),
    };
    try {
      const pending = request(method, url, {
        ...init,
        fetch: (input: Request, ext?: RequestInit) => fetchWithRetries(input, ext, state),
      });
      // With a timeout: rejected when the last attempt's signal aborts while openapi-fetch reads the body.
      const result = await (policy.timeoutMs > 0
        ? Promise.race([pending, new Promise<never>((_, reject) => (state.interrupt = reject))])
        : pending);
      // A non-2xx here was made by middleware, and openapi-fetch has read its body.
      return result.response.ok
        ? result
        : failed(await state.fail({ reason: "status", response: result.response, raw: result.error }));
    } catch (cause) {
      if (cause instanceof ApiError) return failed(cause);
      const aborted = init.signal?.aborted;
      if (!state.attempts && !aborted) throw cause; // the request could not be built: a caller's mistake
      const reason = aborted
        ? "aborted"
        : (cause as Error | undefined)?.name === "TimeoutError"
          ? "timeout"
          : cause instanceof SyntaxError
            ? "invalid"
            : "network";
      return failed(await state.fail({ reason, cause, response: state.response, raw: undefined }));
    } finally {
      state.release?.();
    }
  }

  const client = { use: inner.use, eject: inner.eject, orThrow: {} } as Record<string, unknown> & {
    orThrow: Record<string, unknown>;
  };
  for (const method of methods) {
    const name = method.toUpperCase();
    client[name] = (url: string, init?: Init) => call(method, url, init);
    client.orThrow[name] = (url: string, init?: Init) =>
      call(method, url, init).then((result) => {
        if (result.error) throw result.error;
        return result;
      });
  }
  return client as unknown as ApiClient<Paths, C>;
}

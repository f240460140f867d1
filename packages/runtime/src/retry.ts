import { transientStatuses, type ApiError, type Failure } from "./errors.js";

/** How a client retries, times and reads failed calls; set per client, and per call. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  retries: number;
  /** The first backoff wait, doubled for each further retry, with jitter (×0.5–1). Default 1000 ms. */
  retryDelayMs: number;
  /** The longest backoff wait. Default 60 000 ms. */
  maxRetryDelayMs: number;
  /** The longest wait a server may ask for (`retry-after-ms`, `Retry-After`); a longer one returns the error at once. Default 60 000 ms. */
  maxRetryAfterMs: number;
  /** Each attempt's time limit, error body (or openapi-fetch's parse of the data) included; 0 for none. Default 0: set it, it is the only guard against a server that never finishes. */
  timeoutMs: number;
  /** How much of an error body is read and kept. Default 1 MiB. */
  maxErrorBodyBytes: number;
  /** Called before each retry's wait. */
  onRetry?: ((retry: { attempt: number; delayMs: number; error: ApiError }) => void) | undefined;
}

export const defaultPolicy: RetryPolicy = {
  retries: 3,
  retryDelayMs: 1000,
  maxRetryDelayMs: 60_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 0,
  maxErrorBodyBytes: 1 << 20,
  onRetry: undefined,
};

/** One call's state, shared by the client and its retrying `fetch`. */
export interface CallState {
  policy: RetryPolicy;
  /** The transport: the client's `fetch` option, else `globalThis.fetch`. */
  send: (request: Request, init?: RequestInit) => Promise<Response>;
  /** Turns a failed attempt into an `ApiError` (reading its body), with `attempts` so far. */
  fail: (failure: Omit<Failure, "attempts">) => Promise<ApiError>;
  correlationHeader?: string | undefined;
  attempts: number;
  sentId?: string | undefined;
  /** The 2xx response handed to openapi-fetch; `release` ends its attempt's timer once it is parsed. */
  response?: Response;
  release?: () => void;
  /** Set by the client: ends its wait for openapi-fetch's read of the body when the attempt's signal aborts. */
  interrupt?: (reason: unknown) => void;
}

/**
 * The wait before retry number `attempt` (1, 2, …), or -1 for none: only failures that may
 * pass (`retryable`: the catalog's word, else a transient status, a network failure or a
 * timeout), never 501 or 505; POST and PATCH only on 429 or with an `Idempotency-Key`; the
 * server's wait when it names one (unless longer than `maxRetryAfterMs`), else backoff.
 */
export function retryDelay(
  error: ApiError,
  request: Request,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random(),
): number {
  const asked = error.retryAfterMs;
  return !error.retryable ||
    (error.reason === "status" && !transientStatuses.includes(error.status)) ||
    (/^(POST|PATCH)$/.test(request.method) && error.status !== 429 && !request.headers.has("idempotency-key")) ||
    asked! > policy.maxRetryAfterMs
    ? -1
    : (asked ?? Math.min(policy.maxRetryDelayMs, policy.retryDelayMs * 2 ** (attempt - 1)) * (0.5 + random / 2));
}

/** Resolves true after `ms`, or false at once when `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (slept: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
      resolve(slept);
    };
    const stop = () => done(false);
    const timer = setTimeout(done, ms, true);
    signal.addEventListener("abort", stop);
    if (signal.aborted) stop();
  });
}

/**
 * The `fetch` handed to openapi-fetch: sends the request until it succeeds or may not be
 * repeated, and throws the last failure as an `ApiError`. A 2xx response is returned as is.
 */
export async function fetchWithRetries(
  request: Request,
  init: RequestInit | undefined,
  state: CallState,
): Promise<Response> {
  const { policy, correlationHeader: header } = state;
  const signal = request.signal;
  if (header) request.headers.set(header, (state.sentId = request.headers.get(header) ?? crypto.randomUUID()));
  for (let attempt = 1; ; attempt++) {
    state.attempts = attempt;
    const last = attempt > policy.retries;
    // With a timeout, each attempt has its own signal: the caller's abort, or the timeout.
    const controller = policy.timeoutMs > 0 ? new AbortController() : undefined;
    const follow = () => controller?.abort(signal.reason);
    const timer =
      controller &&
      setTimeout(() => controller.abort(new DOMException(`${policy.timeoutMs} ms`, "TimeoutError")), policy.timeoutMs);
    const release = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", follow);
    };
    if (controller) signal.addEventListener("abort", follow);
    if (signal.aborted) follow();
    const attemptSignal = controller?.signal ?? signal;
    let error: ApiError;
    try {
      // A body can be sent once: keep the request for a later attempt, send a copy.
      const response = await state.send(
        last || !request.body ? request : request.clone(),
        controller ? { ...init, signal: attemptSignal } : init,
      );
      if (response.ok) {
        state.response = response;
        state.release = release;
        controller?.signal.addEventListener("abort", () => state.interrupt?.(attemptSignal.reason));
        return response;
      }
      error = await state.fail({ reason: "status", response, signal: controller?.signal });
    } catch (cause) {
      error = await state.fail({
        reason: signal.aborted ? "aborted" : attemptSignal.aborted ? "timeout" : "network",
        cause,
      });
    }
    release();
    const delayMs = last ? -1 : retryDelay(error, request, attempt, policy);
    if (delayMs < 0) throw error;
    policy.onRetry?.({ attempt, delayMs, error });
    if (!(await wait(delayMs, signal))) throw await state.fail({ reason: "aborted", cause: error });
  }
}

/**
 * The runtime shared by every generated client: `ApiError`, body parsing, retries and the
 * openapi-fetch wrapper. Generated `client.ts` files only pass it what the build knows.
 */
export { ApiError, createApiError, isApiError, transientStatuses } from "./errors.js";
export type { CatalogEntry, Failure, FailureReason, ApiSpec, LooseCode } from "./errors.js";
export { readBody, retryAfterMs } from "./parse.js";
export { defaultPolicy, fetchWithRetries, retryDelay } from "./retry.js";
export type { CallState, RetryPolicy } from "./retry.js";
export { createApiClient } from "./client.js";
export type { ApiClient, ApiClientOptions, CallMethod, CallOptions, CallResult, ErrorOf, ErrorStatusOf, ThrowingMethod } from "./client.js";

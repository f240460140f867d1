/**
 * The runtime shared by every generated client: `ApiError`, body parsing, retries and the
 * openapi-fetch wrapper. Generated `client.ts` files only pass it what the build knows.
 */
export { ApiError } from "./errors.js";
export type { ApiSpec, CatalogEntry, ErrorShape, FailureReason, LooseCode } from "./errors.js";
export type { RetryPolicy } from "./retry.js";
export { createApiClient } from "./client.js";
export type {
  ApiClient,
  ApiClientOptions,
  CallMethod,
  CallOptions,
  CallResult,
  ErrorOf,
  ErrorStatusOf,
  ThrowingMethod,
} from "./client.js";

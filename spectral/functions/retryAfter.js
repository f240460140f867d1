// @ts-check
/** ec-retry-after-429, ec-retry-after-503: a response of the given status declares the `Retry-After` header. */
import { headerNames, isObject, operations } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc @param {{ status: number }} options */
export default function retryAfter(doc, options) {
  const status = String(options.status);
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    const response = isObject(operation.responses) ? operation.responses[status] : undefined;
    if (!isObject(response) || headerNames(response).includes("retry-after")) continue;
    const at = [...path, "responses", status];
    results.push({ message: `A ${status} response must declare the Retry-After header (seconds or HTTP-date).`, path: isObject(response.headers) ? [...at, "headers"] : at });
  }
  return results;
}

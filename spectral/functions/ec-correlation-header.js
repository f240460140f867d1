// @ts-check
/**
 * ec-correlation-header: an API that promises a correlation header declares it on every error response.
 * The promise is `info.x-correlation-header`, or, without it, `x-ms-correlation-id` on any error response.
 */
import { headerNames, isErrorKey, isObject, operations } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function correlationHeader(doc) {
  const errors = operations(doc).flatMap(({ operation, path }) =>
    Object.entries(isObject(operation.responses) ? operation.responses : {})
      .filter(([key, response]) => isErrorKey(key) && isObject(response))
      .map(([key, response]) => ({ response, at: [...path, "responses", key], key })),
  );
  const declared = isObject(doc.info) && typeof doc.info["x-correlation-header"] === "string" ? doc.info["x-correlation-header"] : undefined;
  const header = (declared ?? (errors.some(({ response }) => headerNames(response).includes("x-ms-correlation-id")) ? "x-ms-correlation-id" : undefined))?.toLowerCase();
  if (!header) return [];
  return errors
    .filter(({ response }) => !headerNames(response).includes(header))
    .map(({ response, at, key }) => ({
      message: `Error response ${key} must declare the ${header} header: this API promises it on every failed response.`,
      path: isObject(response.headers) ? [...at, "headers"] : at,
    }));
}

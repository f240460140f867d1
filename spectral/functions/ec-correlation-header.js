// @ts-check
/**
 * ec-correlation-header: an API that promises a correlation header declares it on every error response.
 * The promise is `info.x-correlation-header`, or, without it, `x-ms-correlation-id` on any error response.
 */
import { errorResponsesOf, headerNames, isObject, objectAt, operations } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

const MS_CORRELATION = "x-ms-correlation-id";
const PROMISE = "this API promises it on every failed response";

export default documentRule("ec-correlation-header", (doc) => {
  const errors = operations(doc)
    .flatMap(({ operation, path }) => errorResponsesOf(operation, path))
    .filter(({ response }) => isObject(response));
  const declared = objectAt(doc, "info")["x-correlation-header"];
  const promised = errors.some(({ response }) => headerNames(response).includes(MS_CORRELATION));
  const header = (typeof declared === "string" ? declared : promised ? MS_CORRELATION : undefined)?.toLowerCase();
  if (!header) return [];
  return errors
    .filter(({ response }) => !headerNames(response).includes(header))
    .map(({ response, path, key }) => ({
      message: `Error response ${key} must declare the ${header} header: ${PROMISE}.`,
      path: isObject(response) && isObject(response.headers) ? [...path, "headers"] : path,
    }));
});

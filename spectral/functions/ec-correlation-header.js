// @ts-check
/**
 * ec-correlation-header: an API whose error shape promises a correlation header
 * (`x-error-shape.correlationHeader`, docs/extensions.md) declares it on every error response.
 */
import { errorResponsesOf, headerNames, isObject, operations } from "../../src/openapi/index.js";
import { documentRule, errorShapeOf } from "../shared.js";

const PROMISE = "this API's error shape promises it on every failed response";

export default documentRule("ec-correlation-header", (doc) => {
  const header = errorShapeOf(doc)?.shape.correlationHeader;
  if (!header) return [];
  return operations(doc)
    .flatMap(({ operation, path }) => errorResponsesOf(operation, path))
    .filter(({ response }) => isObject(response) && !headerNames(response).includes(header))
    .map(({ response, path, key }) => ({
      message: `Error response ${key} must declare the ${header} header: ${PROMISE}.`,
      path: isObject(response) && isObject(response.headers) ? [...path, "headers"] : path,
    }));
});

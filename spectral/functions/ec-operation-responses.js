// @ts-check
/**
 * ec-operation-responses: every operation documents how it fails: at least one error response (a 4xx
 * or 5xx status, `4XX`, `5XX` or `default`). Success responses are spectral:oas's
 * operation-success-response (2xx or 3xx); a 5xx is not required (see docs/rules.md).
 */
import { isErrorKey, isObject, objectAt, operationName, operations } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

export default documentRule("ec-operation-responses", (doc) =>
  operations(doc).flatMap((op) => {
    const { operation, path } = op;
    if (Object.keys(objectAt(operation, "responses")).some(isErrorKey)) return [];
    const which = "a 4xx or 5xx response, 4XX, 5XX or default";
    const message = `${operationName(op)} documents no failure: declare the errors it answers with (${which}).`;
    return [{ message, path: isObject(operation.responses) ? [...path, "responses"] : path }];
  }),
);

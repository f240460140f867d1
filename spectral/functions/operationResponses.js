// @ts-check
/** ec-operation-responses: every operation declares a 2xx and error responses (4xx and 5xx, or ranges, or default). */
import { isObject, operations } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function operationResponses(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path, method, route } of operations(doc)) {
    const keys = isObject(operation.responses) ? Object.keys(operation.responses) : [];
    const missing = [];
    if (!keys.some((k) => /^2(\d\d|XX)$/i.test(k))) missing.push("a 2xx response");
    if (!keys.some((k) => /^4(\d\d|XX)$/i.test(k) || k === "default")) missing.push("a 4xx response (or 4XX, or default)");
    if (!keys.some((k) => /^5(\d\d|XX)$/i.test(k) || k === "default")) missing.push("a 5xx response (or 5XX, or default)");
    if (missing.length > 0) {
      results.push({
        message: `${method.toUpperCase()} ${route} must declare ${missing.join(" and ")}.`,
        path: isObject(operation.responses) ? [...path, "responses"] : path,
      });
    }
  }
  return results;
}

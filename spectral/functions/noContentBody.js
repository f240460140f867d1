// @ts-check
/** ec-204-no-body: a 204 response has no content. */
import { isObject, operations } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function noContentBody(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    const response = isObject(operation.responses) ? operation.responses["204"] : undefined;
    if (isObject(response) && isObject(response.content) && Object.keys(response.content).length > 0) {
      results.push({ message: "A 204 response has no body: remove its content, or use 200.", path: [...path, "responses", "204", "content"] });
    }
  }
  return results;
}

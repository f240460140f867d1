// @ts-check
/**
 * ec-if-match-412: an operation that accepts If-Match declares 412.
 * ec-412-precondition: 412 appears only on operations that accept a precondition header.
 */
import { isObject, operations } from "./lib/openapi.js";

const PRECONDITIONS = ["if-match", "if-none-match", "if-unmodified-since", "if-modified-since"];

/** @param {import("./lib/openapi.js").Json} operation @param {import("./lib/openapi.js").Json} item */
function headerParameters(operation, item) {
  return [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])]
    .filter((p) => isObject(p) && p.in === "header" && typeof p.name === "string")
    .map((p) => p.name.toLowerCase());
}

/** @param {import("./lib/openapi.js").Json} doc @param {{ check: "if-match" | "precondition" }} options */
export default function conditionalRequests(doc, options) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, item, path, method, route } of operations(doc)) {
    const headers = headerParameters(operation, item);
    const responses = isObject(operation.responses) ? operation.responses : {};
    if (options.check === "if-match" && headers.includes("if-match") && !("412" in responses)) {
      results.push({ message: `${method.toUpperCase()} ${route} accepts If-Match, so it must declare a 412 response.`, path: [...path, "responses"] });
    }
    if (options.check === "precondition" && "412" in responses && !headers.some((h) => PRECONDITIONS.includes(h))) {
      results.push({ message: `${method.toUpperCase()} ${route} declares 412 but accepts no precondition header (If-Match, If-None-Match, If-Unmodified-Since).`, path: [...path, "responses", "412"] });
    }
  }
  return results;
}

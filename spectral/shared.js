// @ts-check
/**
 * What the functions of `functions/` share beyond the OpenAPI model (`src/openapi/`):
 * - `documentRule`: Spectral's `createRulesetFunction`, which checks a rule's input and its
 *   `functionOptions` against schemas when the ruleset loads, named after the rule so that
 *   Spectral's message names it (`"ec-204-no-body" function does not accept any options`);
 * - `missingRetryAfter`: ec-retry-after-429 and ec-retry-after-503, one check for several statuses.
 */
import { createRulesetFunction } from "@stoplight/spectral-core";
import { headerNames, isObject, objectAt, operations } from "../src/openapi/index.js";

/** @typedef {import("../src/openapi/index.js").JsonPath} JsonPath */

/** A Spectral function result. @typedef {{ message: string, path: JsonPath }} Result */

/** The input of every rule: the whole document (`given: "#Document"`), an object. */
const DOCUMENT = /** @type {const} */ ({ type: "object" });

/**
 * A rule function named `ruleId` that takes the document and no options.
 * @param {string} ruleId @param {(doc: import("../src/openapi/index.js").Json) => Result[]} check
 */
export function documentRule(ruleId, check) {
  Object.defineProperty(check, "name", { value: ruleId });
  return createRulesetFunction({ input: DOCUMENT, options: null }, check);
}

/**
 * Every response of the statuses (`["429"]`) that does not declare `Retry-After`.
 * @param {import("../src/openapi/index.js").Json} doc @param {string[]} statuses @returns {Result[]}
 */
export function missingRetryAfter(doc, statuses) {
  /** @type {Result[]} */
  const results = [];
  for (const [{ operation, path }, status] of operations(doc).flatMap((op) =>
    statuses.map((s) => /** @type {const} */ ([op, s])),
  )) {
    const response = objectAt(operation, "responses")[status];
    if (!isObject(response) || headerNames(response).includes("retry-after")) continue;
    const at = [...path, "responses", status];
    const message = `A ${status} response must declare the Retry-After header (seconds or HTTP-date).`;
    results.push({ message, path: isObject(response.headers) ? [...at, "headers"] : at });
  }
  return results;
}

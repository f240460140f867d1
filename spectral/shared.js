// @ts-check
/**
 * What the functions of `functions/` share beyond the OpenAPI model (`src/openapi/`):
 * - `documentRule`: Spectral's `createRulesetFunction`, which checks a rule's input and its
 *   `functionOptions` against schemas when the ruleset loads, named after the rule so that
 *   Spectral's message names it (`"ec-204-no-body" function does not accept any options`);
 * - `missingRetryAfter`: ec-retry-after-429 and ec-retry-after-503, one check for several statuses;
 * - `errorResponses`: the error responses that ec-error-response-schema and ec-error-media-type read
 *   on the unresolved document, `$ref`s followed;
 * - `errorShapeOf`, `catalogOf`: a document's error shape and catalog, read once per document;
 * - `oncePerNode`: a check of a node that many places share, made once per run and placed at each.
 */
import { createRulesetFunction } from "@stoplight/spectral-core";
import {
  apiErrorShape,
  catalogEntries,
  errorResponsesOf,
  followRef,
  headerNames,
  isObject,
  objectAt,
  operations,
} from "../src/openapi/index.js";

/** @typedef {import("../src/openapi/index.js").JsonPath} JsonPath */

/** A Spectral function result. @typedef {{ message: string, path: JsonPath }} Result */

/** The input of every rule: the whole document (`given: "#Document"`), an object. */
const DOCUMENT = /** @type {const} */ ({ type: "object" });

/**
 * A rule function named `ruleId` that takes the document and no options.
 * @param {string} ruleId
 * @param {(doc: import("../src/openapi/index.js").Json, options: null, context: import("@stoplight/spectral-core").RulesetFunctionContext) => Result[]} check
 */
export function documentRule(ruleId, check) {
  Object.defineProperty(check, "name", { value: ruleId });
  return createRulesetFunction({ input: DOCUMENT, options: null }, check);
}

/**
 * `read(doc)` once per document object. Spectral hands every rule of a run the same document (the
 * resolved one, or the one as written to rules that ask for it), which no rule changes; six rules
 * read its error shape and four its catalog, each a walk of every operation (at 5,000 operations,
 * about 1.5 s of lint).
 * @template T @param {(doc: import("../src/openapi/index.js").Json) => T} read
 * @returns {(doc: import("../src/openapi/index.js").Json) => T}
 */
function perDocument(read) {
  /** @type {WeakMap<object, T>} */
  const memo = new WeakMap();
  return (doc) => {
    if (!memo.has(doc)) memo.set(doc, read(doc));
    return /** @type {T} */ (memo.get(doc));
  };
}

/** The document's error shape (`apiErrorShape`), read once per document. */
export const errorShapeOf = perDocument(apiErrorShape);

/** The document's catalog entries read with its own error shape (`catalogEntries`), once per document; not to be changed. */
export const catalogOf = perDocument((doc) => catalogEntries(doc, errorShapeOf(doc)?.shape));

/**
 * `read(node, at, key)` made once per node and key in a rule's run, for a check whose results' paths
 * all start at `at`: a schema that 5,000 error responses share is read once, and what it found is
 * placed at each use (`place`, from the paths read at `[]`). Call it inside the rule, once per run.
 * @template R
 * @param {(node: unknown, at: JsonPath, key: unknown) => R[]} read
 * @param {(found: R, at: JsonPath) => R} place
 * @returns {(node: unknown, at: JsonPath, key: unknown) => R[]}
 */
export function oncePerNode(read, place) {
  /** @type {Map<unknown, Map<unknown, R[]>>} */
  const found = new Map();
  return (node, at, key) => {
    /** @type {Map<unknown, R[]>} */
    const byKey = found.get(node) ?? new Map();
    found.set(node, byKey);
    const relative = byKey.get(key) ?? read(node, [], key);
    byKey.set(key, relative);
    return relative.map((r) => place(r, at));
  };
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

/**
 * Every operation's error responses, local `$ref`s followed: the key, the response, and where it is
 * (its component when it is one). A response in another file (an unbundled spec) is not followed.
 * @param {import("../src/openapi/index.js").Json} doc
 * @returns {{ key: string, response: import("../src/openapi/index.js").Json, at: JsonPath }[]}
 */
export function errorResponses(doc) {
  const found = [];
  for (const { operation, path } of operations(doc)) {
    for (const { key, response: raw, path: listedAt } of errorResponsesOf(operation, path)) {
      if (isObject(raw) && typeof raw.$ref === "string" && !raw.$ref.startsWith("#/")) continue;
      const { node: response, path: responseAt } = followRef(doc, raw);
      if (isObject(response)) found.push({ key, response, at: responseAt ?? listedAt });
    }
  }
  return found;
}

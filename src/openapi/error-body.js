// @ts-check
/**
 * The code and message of an error body, in any of the three shapes the contracts know: an
 * `errorCode` object (sales), problem details with `code` (messaging), an `{ error: … }` envelope
 * whose `innerError` (or `innererror`) chain may carry more specific codes (partner, referrals).
 */
import { isObject } from "./json.js";

/** @typedef {import("./json.js").Json} Json */

/** How deep an `innerError` chain is read. */
const MAX_DEPTH = 64;

/**
 * @typedef {object} ErrorBody
 * @property {unknown} code
 * @property {unknown} message
 * @property {"code" | "innerCode"} kind `code`: the body's top-level code; `innerCode`: one nested in innerError
 * @property {string[]} path where the code sits in the body
 */

/** The key of an envelope node's inner error: `innerError`, else `innererror`. @param {Json} node */
const innerKey = (node) => ("innerError" in node ? "innerError" : "innererror");

/**
 * The code and message an error body carries; in an `{ error: … }` envelope, those of its deepest
 * `innerError` (or `innererror`) that has a code. `undefined` for a body of no known shape.
 * @param {unknown} value @returns {ErrorBody | undefined}
 */
export function readErrorBody(value) {
  if (!isObject(value)) return undefined;
  if (isObject(value.error)) {
    let node = value.error;
    /** @type {ErrorBody} */
    let found = { code: node.code, message: node.message, kind: "code", path: ["error", "code"] };
    let at = ["error"];
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const key = innerKey(node);
      const inner = node[key];
      if (!isObject(inner) || inner.code === undefined) break;
      at = [...at, key];
      found = { code: inner.code, message: inner.message, kind: "innerCode", path: [...at, "code"] };
      node = inner;
    }
    return found;
  }
  if ("errorCode" in value)
    return { code: value.errorCode, message: value.errorMessage, kind: "code", path: ["errorCode"] };
  if ("code" in value) return { code: value.code, message: value.title ?? value.detail, kind: "code", path: ["code"] };
  return undefined;
}

/**
 * Every code a body carries, top level and nested, with its path in the body.
 * @param {unknown} value @returns {{ code: unknown, path: string[] }[]}
 */
export function allCodes(value) {
  if (!isObject(value)) return [];
  if (isObject(value.error)) {
    const codes = [];
    /** @type {unknown} */
    let node = value.error;
    let at = ["error"];
    for (let depth = 0; depth < MAX_DEPTH && isObject(node); depth++) {
      if (node.code !== undefined) codes.push({ code: node.code, path: [...at, "code"] });
      const key = innerKey(node);
      at = [...at, key];
      node = node[key];
    }
    return codes;
  }
  const body = readErrorBody(value);
  return body ? [{ code: body.code, path: body.path }] : [];
}

/**
 * Whether a code is one the catalog can hold: a string or a number.
 * @param {unknown} code @returns {code is string | number}
 */
export function isCode(code) {
  return typeof code === "string" || typeof code === "number";
}

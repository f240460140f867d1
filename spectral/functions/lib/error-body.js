// @ts-check
/** Reading the code and message out of an error body of any of the three shapes. */
import { isObject } from "./openapi.js";

/**
 * @typedef {object} ErrorBody
 * @property {unknown} code
 * @property {unknown} message
 * @property {"code" | "innerCode"} kind `code`: the body's top-level code; `innerCode`: one nested in innerError
 * @property {string[]} path where the code sits in the body
 */

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
    for (let depth = 0; depth < 64; depth++) {
      const key = "innerError" in node ? "innerError" : "innererror";
      const inner = node[key];
      if (!isObject(inner) || inner.code === undefined) break;
      at = [...at, key];
      found = { code: inner.code, message: inner.message, kind: "innerCode", path: [...at, "code"] };
      node = inner;
    }
    return found;
  }
  if ("errorCode" in value) return { code: value.errorCode, message: value.errorMessage, kind: "code", path: ["errorCode"] };
  if ("code" in value) return { code: value.code, message: value.title ?? value.detail, kind: "code", path: ["code"] };
  return undefined;
}

/** Every code a body carries, top level and nested, with its path. @param {unknown} value @returns {{ code: unknown, path: string[] }[]} */
export function allCodes(value) {
  if (!isObject(value)) return [];
  if (isObject(value.error)) {
    const codes = [];
    let node = value.error;
    let at = ["error"];
    for (let depth = 0; depth < 64 && isObject(node); depth++) {
      if (node.code !== undefined) codes.push({ code: node.code, path: [...at, "code"] });
      const key = "innerError" in node ? "innerError" : "innererror";
      at = [...at, key];
      node = node[key];
    }
    return codes;
  }
  const body = readErrorBody(value);
  return body ? [{ code: body.code, path: body.path }] : [];
}

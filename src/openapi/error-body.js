// @ts-check
/**
 * The code and message of an error body, read through its shape (`error-shape.js`): the code at
 * the shape's `code` path, and, where the shape has inner errors, the deepest nested error (each
 * `innerError` member of the node that holds the code) that carries a code of its own.
 */
import { isObject } from "./json.js";
import { valueAt } from "./pointer.js";

/** @typedef {import("./declared-shape.js").ErrorShape} ErrorShape */

/** How deep an inner-error chain is read. */
const MAX_DEPTH = 64;

/**
 * @typedef {object} ErrorBody
 * @property {unknown} code
 * @property {unknown} message
 * @property {"code" | "innerCode"} kind `code`: the body's top-level code; `innerCode`: one nested in an inner error
 * @property {string[]} path where the code sits in the body
 */

/** The first of a shape's message paths that has a value. @param {unknown} value @param {string[][]} paths */
function firstAt(value, paths) {
  for (const path of paths) {
    const found = valueAt(value, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Each error of a body, top level first, then each inner error, with the path of its code and
 * its message: what the shape's `code`, `message` and `innerError` members point at.
 * @param {unknown} value @param {ErrorShape} shape
 * @returns {{ code: unknown, message: unknown, path: string[] }[]}
 */
function chain(value, shape) {
  const holder = shape.code.slice(0, -1);
  const codeKey = /** @type {string} */ (shape.code.at(-1));
  // Message members beside the code are read in each inner error too.
  const relative = shape.message
    .filter((p) => p.length === shape.code.length && p.slice(0, -1).every((k, i) => k === holder[i]))
    .map((p) => p.slice(-1));
  const found = [{ code: valueAt(value, shape.code), message: firstAt(value, shape.message), path: shape.code }];
  let node = valueAt(value, holder);
  let at = holder;
  for (let depth = 0; depth < MAX_DEPTH && isObject(node); depth++) {
    const key = shape.innerError.find((k) => isObject(/** @type {import("./json.js").Json} */ (node)[k]));
    if (!key) break;
    node = node[key];
    at = [...at, key];
    if (!isObject(node)) break;
    found.push({ code: node[codeKey], message: firstAt(node, relative), path: [...at, codeKey] });
  }
  return found;
}

/**
 * The code and message an error body carries; with inner errors, those of the deepest inner
 * error that has a code. `undefined` when the body is not an object or the shape finds no code.
 * @param {unknown} value @param {ErrorShape | undefined} shape @returns {ErrorBody | undefined}
 */
export function readErrorBody(value, shape) {
  if (!isObject(value) || !shape) return undefined;
  const errors = chain(value, shape);
  const top = /** @type {(typeof errors)[number]} */ (errors[0]);
  if (top.code === undefined && !errors.slice(1).some((e) => e.code !== undefined)) return undefined;
  const deepest = errors
    .slice(1)
    .reverse()
    .find((e) => e.code !== undefined);
  return deepest
    ? { code: deepest.code, message: deepest.message, kind: "innerCode", path: deepest.path }
    : { code: top.code, message: top.message, kind: "code", path: top.path };
}

/**
 * Every code a body carries, top level and nested, with its path in the body.
 * @param {unknown} value @param {ErrorShape | undefined} shape @returns {{ code: unknown, path: string[] }[]}
 */
export function allCodes(value, shape) {
  if (!isObject(value) || !shape) return [];
  return chain(value, shape)
    .filter((e) => e.code !== undefined)
    .map(({ code, path }) => ({ code, path }));
}

/**
 * Whether a code is one the catalog can hold: a string or a number.
 * @param {unknown} code @returns {code is string | number}
 */
export function isCode(code) {
  return typeof code === "string" || typeof code === "number";
}

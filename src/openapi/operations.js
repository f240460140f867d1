// @ts-check
/** The operations of an OpenAPI 3.x document: which keys of a Path Item are methods, and walking them. */
import { isCode } from "./error-body.js";
import { arrayAt, entriesOf, isObject, objectAt } from "./json.js";
import { followRef, resolveRef } from "./pointer.js";

/** @typedef {import("./json.js").Json} Json */
/** @typedef {import("./json.js").JsonPath} JsonPath */

/** The HTTP methods a Path Item may hold, in the specification's order. */
export const METHODS = /** @type {const} */ (["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** @typedef {typeof METHODS[number]} Method */

/**
 * One operation of a document.
 * @typedef {object} Operation
 * @property {string} route the path template (`/messages/{id}`)
 * @property {Method} method lower case
 * @property {Json} operation
 * @property {Json} item the Path Item it belongs to
 * @property {JsonPath} path where the operation is: paths, route, method (where a Path Item `$ref` leads, if it is one)
 * @property {{ parameter: unknown, path: JsonPath }[]} parameters the Path Item's parameters, then the
 *   operation's, as written (a `$ref` is not followed; an operation's parameter overriding one of its
 *   Path Item comes after it)
 */

/** Whether a key of a Path Item is an HTTP method. @param {string} key @returns {key is Method} */
export function isMethod(key) {
  return /** @type {readonly string[]} */ (METHODS).includes(key);
}

/** Every operation of a document, in document order of its paths and in `METHODS` order (a Path Item `$ref` followed). @param {unknown} doc */
export function operations(doc) {
  /** @type {Operation[]} */
  const found = [];
  for (const [route, raw] of entriesOf(objectAt(doc, "paths"))) {
    // 3.1: a Path Item may be a `$ref` (to `components/pathItems`); its operations are where it leads.
    const { node: item, path: itemAt = ["paths", route] } = followRef(doc, raw);
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const path = [...itemAt, method];
      const parameters = [
        ...arrayAt(item, "parameters").map((parameter, i) => ({ parameter, path: [...itemAt, "parameters", i] })),
        ...arrayAt(operation, "parameters").map((parameter, i) => ({ parameter, path: [...path, "parameters", i] })),
      ];
      found.push({ route, method, operation, item, path, parameters });
    }
  }
  return found;
}

/** `GET /messages/{id}`: how findings and messages name an operation. @param {Operation} op */
export function operationName(op) {
  return `${op.method.toUpperCase()} ${op.route}`;
}

/**
 * The lower-cased names of the header parameters an operation accepts (its Path Item's and its
 * own). Given the document, a parameter behind a local `$ref` is followed (for rules that read the
 * unresolved document); without it, only parameters written out are read.
 * @param {Operation} op @param {unknown} [doc] @returns {string[]}
 */
export function headerParameterNames(op, doc) {
  return op.parameters.flatMap(({ parameter }) => {
    const p = doc === undefined ? parameter : resolveRef(doc, parameter);
    return isObject(p) && p.in === "header" && typeof p.name === "string" ? [p.name.toLowerCase()] : [];
  });
}

/**
 * The `x-error-code` a node declares (a parameter, its schema, a request body, a property), as
 * text: the catalog code a request that breaks it gets. A local `$ref` is followed.
 * @param {unknown} doc @param {unknown} node @returns {string | undefined}
 */
export function errorCodeOf(doc, node) {
  const found = followRef(doc, node).node;
  const code = isObject(found) ? found["x-error-code"] : undefined;
  return isCode(code) ? String(code) : undefined;
}

/** Where a parameter may be. */
const LOCATIONS = ["path", "query", "header", "cookie"];

/**
 * One parameter an operation accepts, its `$ref` followed.
 * @typedef {object} Parameter
 * @property {string} name as written
 * @property {"path" | "query" | "header" | "cookie"} in
 * @property {boolean} required always for a path parameter
 * @property {unknown} schema as written (a `$ref` is not followed)
 * @property {string} [errorCode] the `x-error-code` on the parameter, else on its schema, as text
 */

/**
 * The parameters an operation accepts: its Path Item's, then its own, an own one replacing the Path
 * Item's of the same name and place (a header's name in any case: HTTP's header names are). Local
 * `$ref`s are followed; a parameter without a name or a known place is left out.
 * @param {unknown} doc @param {Operation} op @returns {Parameter[]}
 */
export function parametersOf(doc, op) {
  /** @type {Map<string, Parameter>} */
  const byKey = new Map();
  for (const { parameter } of op.parameters) {
    const p = followRef(doc, parameter).node;
    if (!isObject(p) || typeof p.name !== "string" || !LOCATIONS.includes(String(p.in))) continue;
    const where = /** @type {Parameter["in"]} */ (p.in);
    /** @type {Parameter} */
    const found = { name: p.name, in: where, required: where === "path" || p.required === true, schema: p.schema };
    const errorCode = errorCodeOf(doc, p) ?? errorCodeOf(doc, p.schema);
    if (errorCode !== undefined) found.errorCode = errorCode;
    byKey.set(`${where} ${where === "header" ? p.name.toLowerCase() : p.name}`, found);
  }
  return [...byKey.values()];
}

// @ts-check
/**
 * Where an error body keeps its code, message, target, details and inner errors: the shape a spec
 * declares on its error schema with `x-error-shape` (docs/extensions.md), or, where it declares
 * none, the shape inferred when the schema is unambiguously one of the common ones (RFC 9457
 * problem details, an `{ error: { code, message } }` envelope, a list `{ errors: [{ code }] }`
 * as JSON:API and GraphQL-style APIs send it, a flat `{ code, message }`).
 * The toolkit reads error bodies only through a shape: no code path knows a family by its name.
 */
import { isObject } from "./json.js";
import { followRef } from "./pointer.js";
import { contentOf, errorResponsesOf, mediaTypeBase } from "./responses.js";
import { flattenSchema, typesOf } from "./schema.js";
import { operations } from "./operations.js";
import { EXTENSION, readDeclaredShape } from "./declared-shape.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */
/** @typedef {import("./declared-shape.js").ErrorShape} ErrorShape */

const PROBLEM_JSON = "application/problem+json";

/** The JSON type of a code member: `integer` when the schema says integer or number. @param {unknown} schema */
const codeTypeOf = (schema) =>
  typesOf(schema).some((t) => t === "integer" || t === "number") && !typesOf(schema).includes("string")
    ? "integer"
    : "string";

/**
 * The shape of an error schema that declares none, when it is unambiguous: problem details (by
 * media type, or `title` and `status` members), an `error` object with a `code`, or a top-level
 * `code`. `undefined` otherwise: then only the rules that hold for any shape apply.
 * @param {unknown} doc @param {unknown} schema the schema, `$ref`s followed @param {string} mediaType
 * @returns {ErrorShape | undefined}
 */
export function inferShape(doc, schema, mediaType) {
  const { properties: props } = flattenSchema(schema, doc);
  const member = (/** @type {unknown} */ node) => followRef(doc, node).node;
  /** @type {Omit<ErrorShape, "style" | "code" | "codeType" | "message">} */
  const base = {
    mediaType: mediaTypeBase(mediaType),
    target: undefined,
    details: undefined,
    innerError: [],
    correlationHeader: undefined,
    correlationId: undefined,
    retryAfter: [],
  };
  const problem =
    mediaTypeBase(mediaType) === PROBLEM_JSON || ("title" in props && "status" in props && !("error" in props));
  if (problem) {
    const code = "code" in props ? ["code"] : ["type"];
    const codeType = "code" in props ? codeTypeOf(member(props.code)) : "string";
    return { ...base, style: "problem", code, codeType, message: [["detail"], ["title"]] };
  }
  const error = flattenSchema(member(props.error), doc);
  if (typesOf(member(props.error)).includes("object") || "code" in error.properties) {
    if (!("code" in error.properties)) return undefined;
    const inner = ["innerError", "innererror"].filter((key) => key in error.properties);
    return {
      ...base,
      style: "envelope",
      code: ["error", "code"],
      codeType: codeTypeOf(member(error.properties.code)),
      message: [["error", "message"]],
      target: "target" in error.properties ? ["error", "target"] : undefined,
      details: "details" in error.properties ? ["error", "details"] : undefined,
      innerError: inner.length > 0 ? inner : [],
    };
  }
  const list = listShape(doc, member(props.errors), member);
  if (list) return { ...base, ...list };
  const code = member(props.code);
  if ("code" in props && !(isObject(code) && "properties" in code)) {
    const message = "message" in props ? [["message"]] : [];
    return { ...base, style: "flat", code: ["code"], codeType: codeTypeOf(code), message };
  }
  return undefined;
}

/**
 * A list of errors (`errors: [{ code, message }]`, JSON:API's `[{ code, title, detail }]`, or
 * `[{ message, extensions: { code } }]`): the first error's code and message.
 * @param {unknown} doc @param {unknown} errors the `errors` member's schema
 * @param {(node: unknown) => unknown} member follows a `$ref`
 * @returns {Pick<ErrorShape, "style" | "code" | "codeType" | "message"> | undefined}
 */
function listShape(doc, errors, member) {
  if (!isObject(errors) || !(typesOf(errors).includes("array") || "items" in errors)) return undefined;
  const { properties: item } = flattenSchema(member(errors.items), doc);
  const extensions = flattenSchema(member(item.extensions), doc).properties;
  const code = "code" in item ? ["code"] : "code" in extensions ? ["extensions", "code"] : undefined;
  if (!code) return undefined;
  const codeSchema = member(code.length === 1 ? item.code : extensions.code);
  const messages = ["message", "detail", "title"].filter((key) => key in item);
  return {
    style: "list",
    code: ["errors", "0", ...code],
    codeType: codeTypeOf(codeSchema),
    message: messages.map((key) => ["errors", "0", key]),
  };
}

/**
 * The shape of one error body schema: its `x-error-shape`, else the inferred one.
 * @param {unknown} doc @param {unknown} schema (a `$ref` is followed) @param {string} mediaType
 * @returns {ErrorShape | undefined}
 */
export function shapeOfSchema(doc, schema, mediaType) {
  const node = followRef(doc, schema).node;
  if (isObject(node) && EXTENSION in node) return readDeclaredShape(node[EXTENSION]).shape;
  return inferShape(doc, node, mediaType);
}

/**
 * @typedef {object} ErrorSchemaUse
 * @property {unknown} schema the error body schema, `$ref`s followed
 * @property {JsonPath} path where the schema is (its component when it is one)
 * @property {string} mediaType
 * @property {JsonPath} usedAt the media type object that uses it
 * @property {string} key the response key (`404`, `4XX`, `default`)
 */

/**
 * Every use of an error body schema by an operation's error response, with the schema resolved.
 * @param {unknown} doc @returns {ErrorSchemaUse[]}
 */
function errorSchemaUses(doc) {
  /** @type {ErrorSchemaUse[]} */
  const uses = [];
  for (const { operation, path } of operations(doc)) {
    for (const { key, response: raw, path: listedAt } of errorResponsesOf(operation, path)) {
      const { node: response, path: responseAt } = followRef(doc, raw);
      for (const { mediaType, media, path: mediaAt } of contentOf(response, responseAt ?? listedAt)) {
        if (!isObject(media.schema)) continue;
        const { node: schema, path: schemaAt } = followRef(doc, media.schema);
        uses.push({ schema, path: schemaAt ?? [...mediaAt, "schema"], mediaType, usedAt: mediaAt, key });
      }
    }
  }
  return uses;
}

/**
 * The error shape of an API: the declared shape its error responses use most (else one a schema
 * component declares), else the inferred shape of its most used error schema; `undefined` when
 * none can be read.
 * @param {unknown} doc @returns {{ shape: ErrorShape, schema: unknown, path: JsonPath } | undefined}
 */
export function apiErrorShape(doc) {
  const uses = errorSchemaUses(doc);
  /** @type {Map<unknown, { count: number, use: ErrorSchemaUse }>} */
  const counts = new Map();
  for (const use of uses) {
    const seen = counts.get(use.schema);
    if (seen) seen.count++;
    else counts.set(use.schema, { count: 1, use });
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  const declared = ranked.find(({ use }) => isObject(use.schema) && EXTENSION in use.schema);
  if (declared) {
    const { schema, path, mediaType } = declared.use;
    const shape = shapeOfSchema(doc, schema, mediaType);
    return shape && { shape, schema, path };
  }
  const schemas = isObject(doc) && isObject(doc.components) ? doc.components.schemas : undefined;
  for (const [name, schema] of Object.entries(isObject(schemas) ? schemas : {})) {
    if (!isObject(schema) || !(EXTENSION in schema)) continue;
    const shape = readDeclaredShape(schema[EXTENSION]).shape;
    if (shape) return { shape, schema, path: ["components", "schemas", name] };
  }
  for (const { use } of ranked) {
    const shape = inferShape(doc, use.schema, use.mediaType);
    if (shape) return { shape, schema: use.schema, path: use.path };
  }
  return undefined;
}

/**
 * The schema at a path of the bodies a schema describes (`["error", "code"]`, `["errors", "0"]`),
 * following `properties` (with `allOf` merged), an array's `items` at an index, and `$ref`s;
 * `undefined` where the schema does not declare it.
 * @param {unknown} doc @param {unknown} schema @param {string[]} path
 */
export function schemaAt(doc, schema, path) {
  /** @type {unknown} */
  let node = followRef(doc, schema).node;
  for (const key of path) {
    if (/^\d+$/.test(key)) {
      if (!isObject(node) || !isObject(node.items)) return undefined;
      node = followRef(doc, node.items).node;
      continue;
    }
    const { properties } = flattenSchema(node, doc);
    if (!(key in properties)) return undefined;
    node = followRef(doc, properties[key]).node;
  }
  return node;
}

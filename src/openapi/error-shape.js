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
import { followRef, pathOfPointer } from "./pointer.js";
import { contentOf, errorResponsesOf, mediaTypeBase } from "./responses.js";
import { flattenSchema, typesOf } from "./schema.js";
import { operations } from "./operations.js";

/** @typedef {import("./json.js").Json} Json */
/** @typedef {import("./json.js").JsonPath} JsonPath */

/**
 * @typedef {object} ErrorShape
 * @property {"declared" | "problem" | "envelope" | "list" | "flat"} style `declared`: from `x-error-shape`; else the style inferred
 * @property {string} mediaType the media type of error bodies
 * @property {string[]} code the path of the code in the body
 * @property {"string" | "integer"} codeType the code's JSON Schema type on the wire
 * @property {string[][]} message paths of the message, the first present wins
 * @property {string[] | undefined} target
 * @property {string[] | undefined} details
 * @property {string[]} innerError member names, in the node that holds the code, of a nested error of the same shape
 * @property {string | undefined} correlationHeader the response header carrying a correlation id
 * @property {string[] | undefined} correlationId the body member carrying a correlation id
 * @property {number[]} retryAfter the statuses whose responses carry `Retry-After`
 */

/** @typedef {{ message: string, path: JsonPath }} ShapeProblem */

export const EXTENSION = "x-error-shape";
const PROBLEM_JSON = "application/problem+json";
const KEYS = [
  "mediaType",
  "code",
  "codeType",
  "message",
  "target",
  "details",
  "innerError",
  "correlationHeader",
  "correlationId",
  "retryAfter",
];

/** Whether a media type is JSON or a `+json` kind of it. @param {string} mediaType */
export function isJsonMediaType(mediaType) {
  const base = mediaTypeBase(mediaType);
  return base === "application/json" || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(base);
}

/** A list of strings from one string or an array of them. @param {unknown} value @returns {string[] | undefined} */
const strings = (value) =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")
      ? value
      : undefined;

/**
 * Reads an `x-error-shape` declaration. Each member that is malformed is a problem (its path is
 * relative to the declaration) and the shape is `undefined` when `code` cannot be read.
 * @param {unknown} declared @returns {{ shape: ErrorShape | undefined, problems: ShapeProblem[] }}
 */
export function readDeclaredShape(declared) {
  /** @type {ShapeProblem[]} */
  const problems = [];
  if (!isObject(declared)) {
    return { shape: undefined, problems: [{ message: `\`${EXTENSION}\` must be an object.`, path: [] }] };
  }
  for (const key of Object.keys(declared)) {
    if (!KEYS.includes(key)) problems.push({ message: `\`${EXTENSION}\` has no member \`${key}\`.`, path: [key] });
  }
  /** @param {string} key @returns {string[][] | undefined} */
  const pointers = (key) => {
    const value = declared[key];
    if (value === undefined) return undefined;
    const list = strings(value);
    if (!list?.every((p) => p.startsWith("/"))) {
      problems.push({
        message: `\`${EXTENSION}.${key}\` must be a JSON pointer into the body, like \`/error/code\`.`,
        path: [key],
      });
      return undefined;
    }
    return list.map(pathOfPointer);
  };
  const code = pointers("code")?.[0];
  if (!code && declared.code === undefined)
    problems.push({ message: `\`${EXTENSION}\` must declare \`code\`.`, path: [] });
  const mediaType = declared.mediaType ?? "application/json";
  if (typeof mediaType !== "string" || !isJsonMediaType(mediaType)) {
    const message = `\`${EXTENSION}.mediaType\` must be a JSON media type (application/json, application/problem+json, …).`;
    problems.push({ message, path: ["mediaType"] });
  }
  const codeType = declared.codeType ?? "string";
  if (codeType !== "string" && codeType !== "integer") {
    problems.push({ message: `\`${EXTENSION}.codeType\` must be \`string\` or \`integer\`.`, path: ["codeType"] });
  }
  const innerError = declared.innerError === undefined ? [] : strings(declared.innerError);
  if (!innerError)
    problems.push({
      message: `\`${EXTENSION}.innerError\` must be a member name or a list of them.`,
      path: ["innerError"],
    });
  const header = declared.correlationHeader;
  if (header !== undefined && (typeof header !== "string" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header))) {
    problems.push({
      message: `\`${EXTENSION}.correlationHeader\` must be a header name.`,
      path: ["correlationHeader"],
    });
  }
  const retryAfter = declared.retryAfter ?? [];
  const statuses = Array.isArray(retryAfter) && retryAfter.every((s) => Number.isInteger(s) && s >= 400 && s <= 599);
  if (!statuses) {
    problems.push({
      message: `\`${EXTENSION}.retryAfter\` must list HTTP error statuses, like [429, 503].`,
      path: ["retryAfter"],
    });
  }
  const [message, target, details, correlationId] = ["message", "target", "details", "correlationId"].map(pointers);
  if (!code) return { shape: undefined, problems };
  return {
    shape: {
      style: "declared",
      mediaType: typeof mediaType === "string" ? mediaType : "application/json",
      code,
      codeType: codeType === "integer" ? "integer" : "string",
      message: message ?? [],
      target: target?.[0],
      details: details?.[0],
      innerError: innerError ?? [],
      correlationHeader: typeof header === "string" ? header.toLowerCase() : undefined,
      correlationId: correlationId?.[0],
      retryAfter: statuses ? /** @type {number[]} */ (retryAfter) : [],
    },
    problems,
  };
}

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

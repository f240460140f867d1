// @ts-check
/**
 * ec-error-schema-shape: the error schema of every error response has its family's shape.
 * - problem details (RFC 9457): `type`, `title`, `detail`, `instance` strings, `status` an integer 100–599;
 * - envelope: `error` required, with `code` and `message` required strings, `message` maxLength ≤ 1024,
 *   and a recursive `innerError`;
 * - sales: `errorCode` a required string.
 * `allOf` members are merged and 3.1 type arrays accepted.
 */
import { flattenSchema, isErrorKey, isObject, operations, typesOf } from "./lib/openapi.js";

/** @param {unknown} schema @param {string} type */
const allows = (schema, type) => typesOf(schema).includes(type);

/** @param {unknown} schema @param {import("./lib/openapi.js").JsonPath} at @param {string} mediaType */
function check(schema, at, mediaType) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  const flat = flattenSchema(schema);
  const props = flat.properties;
  const problem = mediaType.startsWith("application/problem+json") || ("title" in props && "status" in props && !("error" in props));
  /** @param {string} message @param {import("./lib/openapi.js").JsonPath} path */
  const report = (message, path) => results.push({ message, path });
  if (problem) {
    for (const member of ["type", "title", "detail", "instance"]) {
      if (!(member in props)) report(`Problem details must declare \`${member}\` (a string).`, [...at, "properties"]);
      else if (!allows(props[member], "string")) report(`Problem details \`${member}\` must be a string.`, [...at, "properties", member]);
    }
    const status = props.status;
    if (!status) report("Problem details must declare `status` (an integer 100–599).", [...at, "properties"]);
    else if (!allows(status, "integer")) report("Problem details `status` must be an integer.", [...at, "properties", "status"]);
    else if (!(typeof status.minimum === "number" && status.minimum >= 100 && typeof status.maximum === "number" && status.maximum <= 599)) {
      report("Problem details `status` must be bounded to 100–599 (minimum: 100, maximum: 599).", [...at, "properties", "status"]);
    }
    return results;
  }
  if ("error" in props || flat.required.includes("error")) {
    if (!flat.required.includes("error")) report("The error envelope must require `error`.", "error" in props ? [...at, "properties", "error"] : at);
    const error = flattenSchema(props.error);
    const errorAt = [...at, "properties", "error"];
    for (const member of ["code", "message"]) {
      if (!(member in error.properties)) report(`The error object must declare \`${member}\` (a required string).`, [...errorAt, "properties"]);
      else if (!allows(error.properties[member], "string")) report(`The error object's \`${member}\` must be a string.`, [...errorAt, "properties", member]);
      if (member in error.properties && !error.required.includes(member)) report(`The error object must require \`${member}\`.`, [...errorAt, "properties", member]);
    }
    const message = error.properties.message;
    if (isObject(message) && !(typeof message.maxLength === "number" && message.maxLength <= 1024)) {
      report("The error object's `message` must set maxLength of at most 1024.", [...errorAt, "properties", "message"]);
    }
    const inner = error.properties.innerError ?? error.properties.innererror;
    if (!inner) report("The error object must declare `innerError` for more specific errors.", [...errorAt, "properties"]);
    else if (isObject(inner) && !("$ref" in inner)) {
      const nested = flattenSchema(inner).properties;
      if (!("innerError" in nested || "innererror" in nested)) {
        report("`innerError` must be recursive: it declares `innerError` of its own type.", [...errorAt, "properties", "innerError" in error.properties ? "innerError" : "innererror"]);
      }
    }
    return results;
  }
  if ("errorCode" in props) {
    if (!allows(props.errorCode, "string")) report("`errorCode` must be a string.", [...at, "properties", "errorCode"]);
    if (!flat.required.includes("errorCode")) report("The error object must require `errorCode`.", [...at, "properties", "errorCode"]);
    return results;
  }
  report("The error schema has none of the known shapes: problem details (type, title, status, detail, instance), the `error` envelope, or an `errorCode` object.", at);
  return results;
}

/** @param {import("./lib/openapi.js").Json} doc */
export default function errorSchemaShape(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    for (const [key, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key) || !isObject(response) || !isObject(response.content)) continue;
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (isObject(media) && isObject(media.schema)) results.push(...check(media.schema, [...path, "responses", key, "content", mediaType, "schema"], mediaType));
      }
    }
  }
  return results;
}

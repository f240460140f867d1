// @ts-check
/**
 * ec-error-schema-shape: the error schema of every error response has its family's shape.
 * - problem details (RFC 9457): `type`, `title`, `detail`, `instance` strings, `status` an integer 100–599;
 * - envelope: `error` required, with `code` and `message` required strings, `message` maxLength ≤ 1024,
 *   and a recursive `innerError`;
 * - sales: `errorCode` a required string.
 * `allOf` members are merged and 3.1 type arrays accepted.
 */
import { contentOf, errorResponsesOf, flattenSchema, isObject, operations, typesOf } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */
/** @typedef {ReturnType<typeof flattenSchema>} Flat */
/** @typedef {(message: string, path: JsonPath) => void} Report */

/** @param {unknown} schema @param {string} type */
const allows = (schema, type) => typesOf(schema).includes(type);

/** @param {Flat} flat @param {JsonPath} at @param {Report} report */
function problemShape({ properties: props }, at, report) {
  for (const member of ["type", "title", "detail", "instance"]) {
    if (!(member in props)) report(`Problem details must declare \`${member}\` (a string).`, [...at, "properties"]);
    else if (!allows(props[member], "string")) {
      report(`Problem details \`${member}\` must be a string.`, [...at, "properties", member]);
    }
  }
  const status = props.status;
  const statusAt = [...at, "properties", "status"];
  if (!status) report("Problem details must declare `status` (an integer 100–599).", [...at, "properties"]);
  else if (!allows(status, "integer")) report("Problem details `status` must be an integer.", statusAt);
  else if (
    !(
      isObject(status) &&
      typeof status.minimum === "number" &&
      status.minimum >= 100 &&
      typeof status.maximum === "number" &&
      status.maximum <= 599
    )
  ) {
    report("Problem details `status` must be bounded to 100–599 (minimum: 100, maximum: 599).", statusAt);
  }
}

/** @param {Flat} flat @param {JsonPath} at @param {Report} report */
function envelopeShape(flat, at, report) {
  const props = flat.properties;
  if (!flat.required.includes("error")) {
    report("The error envelope must require `error`.", "error" in props ? [...at, "properties", "error"] : at);
  }
  const error = flattenSchema(props.error);
  const errorAt = [...at, "properties", "error"];
  for (const member of ["code", "message"]) {
    const memberAt = [...errorAt, "properties", member];
    if (!(member in error.properties)) {
      report(`The error object must declare \`${member}\` (a required string).`, [...errorAt, "properties"]);
    } else if (!allows(error.properties[member], "string")) {
      report(`The error object's \`${member}\` must be a string.`, memberAt);
    }
    if (member in error.properties && !error.required.includes(member)) {
      report(`The error object must require \`${member}\`.`, memberAt);
    }
  }
  const message = error.properties.message;
  if (isObject(message) && !(typeof message.maxLength === "number" && message.maxLength <= 1024)) {
    report("The error object's `message` must set maxLength of at most 1024.", [...errorAt, "properties", "message"]);
  }
  const innerKey = "innerError" in error.properties ? "innerError" : "innererror";
  const inner = error.properties.innerError ?? error.properties.innererror;
  if (!inner) {
    report("The error object must declare `innerError` for more specific errors.", [...errorAt, "properties"]);
  } else if (isObject(inner) && !("$ref" in inner)) {
    const nested = flattenSchema(inner).properties;
    if (!("innerError" in nested || "innererror" in nested)) {
      const message = "`innerError` must be recursive: it declares `innerError` of its own type.";
      report(message, [...errorAt, "properties", innerKey]);
    }
  }
}

/** @param {Flat} flat @param {JsonPath} at @param {Report} report */
function salesShape(flat, at, report) {
  const errorCodeAt = [...at, "properties", "errorCode"];
  if (!allows(flat.properties.errorCode, "string")) report("`errorCode` must be a string.", errorCodeAt);
  if (!flat.required.includes("errorCode")) report("The error object must require `errorCode`.", errorCodeAt);
}

/** @param {unknown} schema @param {JsonPath} at @param {string} mediaType */
function check(schema, at, mediaType) {
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  /** @type {Report} */
  const report = (message, path) => {
    results.push({ message, path });
  };
  const flat = flattenSchema(schema);
  const props = flat.properties;
  const problemShaped = "title" in props && "status" in props && !("error" in props);
  if (mediaType.startsWith("application/problem+json") || problemShaped) problemShape(flat, at, report);
  else if ("error" in props || flat.required.includes("error")) envelopeShape(flat, at, report);
  else if ("errorCode" in props) salesShape(flat, at, report);
  else {
    const shapes =
      "problem details (type, title, status, detail, instance), the `error` envelope, or an `errorCode` object";
    report(`The error schema has none of the known shapes: ${shapes}.`, at);
  }
  return results;
}

export default documentRule("ec-error-schema-shape", (doc) =>
  operations(doc).flatMap(({ operation, path }) =>
    errorResponsesOf(operation, path).flatMap(({ response, path: responseAt }) =>
      contentOf(response, responseAt).flatMap(({ mediaType, media, path: at }) =>
        isObject(media.schema) ? check(media.schema, [...at, "schema"], mediaType) : [],
      ),
    ),
  ),
);

// @ts-check
/**
 * ec-limit-code: in an API with an error catalog, every limit on a request (a length, a range, a
 * count, a pattern, required members, a required body) names in `x-error-code` the catalog code a
 * violation returns, and that code's status is 400.
 */
import { catalogEntries, codeIndex } from "./lib/catalog.js";
import { isObject, operations } from "./lib/openapi.js";

const LIMITS = ["maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxItems", "minItems", "maxProperties", "minProperties", "pattern"];

/** @param {import("./lib/openapi.js").Json} schema */
function limitsOf(schema) {
  const found = Object.keys(schema).filter((k) => LIMITS.includes(k));
  if (Array.isArray(schema.required) && schema.required.length > 0) found.push("required");
  for (const k of ["anyOf", "oneOf"]) {
    if (Array.isArray(schema[k]) && schema[k].some((branch) => isObject(branch) && Array.isArray(branch.required))) found.push(k);
  }
  return found;
}

/** @param {import("./lib/openapi.js").Json} doc */
export default function limitCodes(doc) {
  const catalog = codeIndex(catalogEntries(doc));
  if (catalog.size === 0) return [];
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  /** @param {unknown} code @param {import("./lib/openapi.js").JsonPath} at */
  const checkCode = (code, at) => {
    const entry = catalog.get(String(code));
    if (!entry) results.push({ message: `x-error-code ${code} is not a code of this API's catalog.`, path: at });
    else if (entry.status !== 400) results.push({ message: `x-error-code ${code} has status ${entry.status}; a violated limit answers 400: name a 400 code.`, path: at });
  };
  /**
   * @param {unknown} schema @param {import("./lib/openapi.js").JsonPath} at @param {Set<unknown>} seen
   * @param {boolean} [covered] a branch of an allOf/anyOf/oneOf whose schema already names a code
   */
  const visit = (schema, at, seen, covered = false) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    const limits = limitsOf(schema);
    const named = "x-error-code" in schema;
    if (named) checkCode(schema["x-error-code"], [...at, "x-error-code"]);
    else if (limits.length > 0 && !covered) {
      results.push({ message: `${limits.join(", ")} without x-error-code: name the catalog code a request breaking this limit gets.`, path: [...at, limits[0] ?? ""] });
    }
    if (isObject(schema.properties)) for (const [name, child] of Object.entries(schema.properties)) visit(child, [...at, "properties", name], seen);
    if (isObject(schema.items)) visit(schema.items, [...at, "items"], seen);
    for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[k])) schema[k].forEach((branch, i) => visit(branch, [...at, k, i], seen, named || covered));
  };
  for (const { operation, item, path, route } of operations(doc)) {
    const parameters = [
      ...(Array.isArray(item.parameters) ? item.parameters.map((p, i) => ({ p, at: ["paths", route, "parameters", i] })) : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters.map((p, i) => ({ p, at: [...path, "parameters", i] })) : []),
    ];
    for (const { p, at } of parameters) if (isObject(p)) visit(p.schema, [...at, "schema"], new Set());
    const body = operation.requestBody;
    if (!isObject(body)) continue;
    const bodyAt = [...path, "requestBody"];
    if (body.required === true) {
      if ("x-error-code" in body) checkCode(body["x-error-code"], [...bodyAt, "x-error-code"]);
      else results.push({ message: "A required request body without x-error-code: name the catalog code a missing or malformed body gets.", path: [...bodyAt, "required"] });
    }
    if (isObject(body.content)) for (const [mediaType, media] of Object.entries(body.content)) if (isObject(media)) visit(media.schema, [...bodyAt, "content", mediaType, "schema"], new Set());
  }
  return results;
}

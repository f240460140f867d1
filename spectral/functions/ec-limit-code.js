// @ts-check
/**
 * ec-limit-code: in an API with an error catalog, every limit on a request (a length, a range, a
 * count, a pattern, required members, a required body) names in `x-error-code` the catalog code a
 * violation returns, and that code's status is 400, a status the operation documents (a server would answer it).
 */
import {
  arrayAt,
  codeIndex,
  entriesOf,
  isObject,
  LIMIT_KEYWORDS,
  objectAt,
  operations,
} from "../../src/openapi/index.js";
import { catalogOf, documentRule } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").Json} Json */
/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */

/** @type {readonly string[]} */
const LIMITS = LIMIT_KEYWORDS;
const BRANCHES = ["allOf", "anyOf", "oneOf"];

/** The limits a schema sets itself (not in its properties or branches). @param {Json} schema */
function limitsOf(schema) {
  const found = Object.keys(schema).filter((k) => LIMITS.includes(k));
  if (arrayAt(schema, "required").length > 0) found.push("required");
  for (const k of ["anyOf", "oneOf"]) {
    if (arrayAt(schema, k).some((branch) => isObject(branch) && Array.isArray(branch.required))) found.push(k);
  }
  return found;
}

export default documentRule("ec-limit-code", (doc) => {
  const catalog = codeIndex(catalogOf(doc));
  if (catalog.size === 0) return [];
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  // A required parameter without a code of its own is answered as the server kit answers it: with the API's one
  // top-level 400 code; without any, with a bare 400 where the API documents one. Else nothing answers it.
  const codes400 = [...catalog.values()].filter(({ status, body }) => status === 400 && body?.kind === "code").length;
  const any400 = [...operations(doc)].some(({ operation }) => "400" in objectAt(operation, "responses"));
  const answered = codes400 === 1 || (codes400 === 0 && any400);
  let documents400 = true;
  /** @param {unknown} code @param {JsonPath} at */
  const checkCode = (code, at) => {
    const entry = catalog.get(String(code));
    if (!entry) results.push({ message: `x-error-code ${code} is not a code of this API's catalog.`, path: at });
    else if (entry.status !== 400) {
      const message = `x-error-code ${code} has status ${entry.status}; a violated limit answers 400: name a 400 code.`;
      results.push({ message, path: at });
    } else if (!documents400) {
      const message = `x-error-code ${code} answers 400, which this operation does not document: add a 400 response.`;
      results.push({ message, path: at });
    }
  };
  /**
   * @param {unknown} schema @param {JsonPath} at @param {Set<unknown>} seen
   * @param {boolean} [covered] a branch of an allOf/anyOf/oneOf whose schema already names a code
   */
  const visit = (schema, at, seen, covered = false) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    const limits = limitsOf(schema);
    const named = "x-error-code" in schema;
    if (named) checkCode(schema["x-error-code"], [...at, "x-error-code"]);
    else if (limits.length > 0 && !covered) {
      const name = "name the catalog code a request breaking this limit gets";
      const message = `${limits.join(", ")} without x-error-code: ${name}.`;
      results.push({ message, path: [...at, limits[0] ?? ""] });
    }
    for (const [name, child] of entriesOf(schema.properties)) visit(child, [...at, "properties", name], seen);
    if (isObject(schema.items)) visit(schema.items, [...at, "items"], seen);
    for (const k of BRANCHES) {
      for (const [i, branch] of arrayAt(schema, k).entries()) visit(branch, [...at, k, i], seen, named || covered);
    }
  };
  for (const { operation, path, parameters } of operations(doc)) {
    const keys = Object.keys(objectAt(operation, "responses")).map((key) => key.toUpperCase());
    documents400 = ["400", "4XX", "DEFAULT"].some((key) => keys.includes(key));
    for (const { parameter, path: at } of parameters) {
      if (!isObject(parameter)) continue;
      visit(parameter.schema, [...at, "schema"], new Set());
      const coded = "x-error-code" in parameter || (isObject(parameter.schema) && "x-error-code" in parameter.schema);
      if ("x-error-code" in parameter) checkCode(parameter["x-error-code"], [...at, "x-error-code"]);
      if (parameter.required === true && parameter.in !== "path" && !coded && !answered) {
        const message = `A required ${parameter.in} ${parameter.name} without x-error-code, which no single 400 code of this API answers: name the catalog code a request without it gets.`;
        results.push({ message, path: [...at, "required"] });
      }
    }
    const body = operation.requestBody;
    if (!isObject(body)) continue;
    const bodyAt = [...path, "requestBody"];
    if (body.required === true) {
      if ("x-error-code" in body) checkCode(body["x-error-code"], [...bodyAt, "x-error-code"]);
      else {
        const message =
          "A required request body without x-error-code: name the catalog code a missing or malformed body gets.";
        results.push({ message, path: [...bodyAt, "required"] });
      }
    }
    for (const [mediaType, media] of entriesOf(body.content)) {
      if (isObject(media)) visit(media.schema, [...bodyAt, "content", mediaType, "schema"], new Set());
    }
  }
  return results;
});

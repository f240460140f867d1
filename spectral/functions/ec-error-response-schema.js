// @ts-check
/**
 * ec-error-response-schema: every error response has a body that references the API's error schema
 * component (no inline error objects), with the media type of that schema's family:
 * `application/problem+json` for problem details, `application/json` otherwise. Runs on the
 * unresolved document (`resolved: false`) so that it can tell a `$ref` from an inline schema.
 */
import { flattenSchema, followRef, isErrorKey, isObject, operations } from "./lib/openapi.js";

const PROBLEM = "application/problem+json";

/** @param {unknown} schema */
function isProblemShaped(schema) {
  const { properties } = flattenSchema(schema);
  return "title" in properties && "status" in properties && !("error" in properties);
}

/** @param {import("./lib/openapi.js").Json} doc */
export default function errorResponseSchema(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  /** @type {Map<string, number>} */
  const uses = new Map();
  /** @type {{ ref: string, path: import("./lib/openapi.js").JsonPath }[]} */
  const refs = [];
  for (const { operation, path } of operations(doc)) {
    for (const [key, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key)) continue;
      if (isObject(raw) && typeof raw.$ref === "string" && !raw.$ref.startsWith("#/")) continue; // an unbundled file: not followed
      const followed = followRef(doc, raw);
      const response = followed.node;
      const at = followed.path ?? [...path, "responses", key];
      if (!isObject(response)) continue;
      if (!isObject(response.content) || Object.keys(response.content).length === 0) {
        results.push({ message: `Error response ${key} has no body: give it content with the API's error schema.`, path: at });
        continue;
      }
      for (const [mediaType, media] of Object.entries(response.content)) {
        const schemaPath = [...at, "content", mediaType, "schema"];
        const schema = isObject(media) ? media.schema : undefined;
        if (!isObject(schema)) {
          results.push({ message: `Error response ${key} (${mediaType}) has no schema: reference the API's error schema.`, path: [...at, "content", mediaType] });
          continue;
        }
        if (typeof schema.$ref !== "string") {
          results.push({ message: `Error response ${key} (${mediaType}) defines its error body inline: reference the API's error schema component instead.`, path: schemaPath });
          continue;
        }
        uses.set(schema.$ref, (uses.get(schema.$ref) ?? 0) + 1);
        refs.push({ ref: schema.$ref, path: schemaPath });
        const type = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
        const problem = isProblemShaped(followRef(doc, schema).node);
        if (problem && type !== PROBLEM) {
          results.push({ message: `Error response ${key} serves problem details as ${type}: use ${PROBLEM}.`, path: [...at, "content", mediaType] });
        } else if (!problem && type === PROBLEM) {
          results.push({ message: `Error response ${key} is ${PROBLEM} but ${schema.$ref} is not problem details: use application/json or a problem details schema.`, path: [...at, "content", mediaType] });
        }
      }
    }
  }
  // One error schema per API: the one most error responses use.
  const [main] = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (main) {
    for (const { ref, path } of refs) {
      if (ref !== main[0]) results.push({ message: `This API's error responses use ${main[0]}; this one uses ${ref}: use the API's error schema.`, path });
    }
  }
  return results;
}

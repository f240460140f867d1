// @ts-check
/**
 * ec-error-response-schema: every error response has a JSON body (`application/json`,
 * `application/problem+json` or another `+json` type) that references the API's error schema
 * component (no inline error objects), with the media type of that schema's shape: the one its
 * `x-error-shape` declares, else `application/problem+json` for problem details and
 * `application/json` otherwise. Runs on the unresolved document (`resolved: false`) so that it
 * can tell a `$ref` from an inline schema.
 */
import {
  ERROR_SHAPE,
  entriesOf,
  errorResponsesOf,
  followRef,
  inferShape,
  isJsonMediaType,
  isObject,
  mediaTypeBase,
  operations,
  readDeclaredShape,
} from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */
/** @typedef {import("../../src/openapi/index.js").Json} Json */
/** @typedef {import("../shared.js").Result} Result */

const PROBLEM = "application/problem+json";

/**
 * The media type a schema's shape calls for, whatever it is served as: the declared one, else
 * problem details' for a schema recognised as problem details, else `undefined`.
 * @param {unknown} doc @param {unknown} schema
 */
function mediaTypeOfShape(doc, schema) {
  if (isObject(schema) && ERROR_SHAPE in schema) return readDeclaredShape(schema[ERROR_SHAPE]).shape?.mediaType;
  return inferShape(doc, schema, "application/json")?.style === "problem" ? PROBLEM : undefined;
}

/**
 * The body of one error response: a referenced schema of the right media type; the `$ref`s it uses.
 * @param {Json} doc @param {string} key @param {Json} response @param {JsonPath} at
 * @returns {{ results: Result[], refs: { ref: string, path: JsonPath }[] }}
 */
function checkBody(doc, key, response, at) {
  /** @type {Result[]} */
  const results = [];
  /** @type {{ ref: string, path: JsonPath }[]} */
  const refs = [];
  const content = entriesOf(response.content);
  if (content.length === 0) {
    const message = `Error response ${key} has no body: give it content with the API's error schema.`;
    results.push({ message, path: at });
  }
  for (const [mediaType, media] of content) {
    const mediaAt = [...at, "content", mediaType];
    const schema = isObject(media) ? media.schema : undefined;
    const what = `Error response ${key} (${mediaType})`;
    if (!isJsonMediaType(mediaType)) {
      const json = "application/json, application/problem+json or another +json type";
      results.push({
        message: `Error response ${key} serves its body as ${mediaType}: error bodies are JSON (${json}).`,
        path: mediaAt,
      });
      continue;
    }
    if (!isObject(schema)) {
      results.push({ message: `${what} has no schema: reference the API's error schema.`, path: mediaAt });
      continue;
    }
    if (typeof schema.$ref !== "string") {
      const message = `${what} defines its error body inline: reference the API's error schema component instead.`;
      results.push({ message, path: [...mediaAt, "schema"] });
      continue;
    }
    refs.push({ ref: schema.$ref, path: [...mediaAt, "schema"] });
    const type = mediaTypeBase(mediaType);
    const wanted = mediaTypeOfShape(doc, followRef(doc, schema).node);
    if (wanted === PROBLEM && type !== PROBLEM) {
      const message = `Error response ${key} serves problem details as ${type}: use ${PROBLEM}.`;
      results.push({ message, path: mediaAt });
    } else if (wanted && wanted !== type) {
      const message = `Error response ${key} serves ${schema.$ref} as ${type}: its ${ERROR_SHAPE} says ${wanted}.`;
      results.push({ message, path: mediaAt });
    } else if (!wanted && type === PROBLEM) {
      const use = "use application/json or a problem details schema";
      const message = `Error response ${key} is ${PROBLEM} but ${schema.$ref} is not problem details: ${use}.`;
      results.push({ message, path: mediaAt });
    }
  }
  return { results, refs };
}

export default documentRule("ec-error-response-schema", (doc) => {
  /** @type {Result[]} */
  const results = [];
  /** @type {{ ref: string, path: JsonPath }[]} */
  const refs = [];
  for (const { operation, path } of operations(doc)) {
    for (const { key, response: raw, path: listedAt } of errorResponsesOf(operation, path)) {
      // A response in another file (an unbundled spec) is not followed.
      if (isObject(raw) && typeof raw.$ref === "string" && !raw.$ref.startsWith("#/")) continue;
      const { node: response, path: responseAt } = followRef(doc, raw);
      if (!isObject(response)) continue;
      const body = checkBody(doc, key, response, responseAt ?? listedAt);
      results.push(...body.results);
      refs.push(...body.refs);
    }
  }
  // One error schema per API: the one most error responses use.
  /** @type {Map<string, number>} */
  const uses = new Map();
  for (const { ref } of refs) uses.set(ref, (uses.get(ref) ?? 0) + 1);
  const [main] = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const { ref, path } of main ? refs : []) {
    if (ref === main?.[0]) continue;
    const message = `This API's error responses use ${main?.[0]}; this one uses ${ref}: use the API's error schema.`;
    results.push({ message, path });
  }
  return results;
});

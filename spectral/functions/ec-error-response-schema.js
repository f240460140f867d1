// @ts-check
/**
 * ec-error-response-schema: every error response documents its body with the API's error schema:
 * a body, a schema, a `$ref` to a component (or a `oneOf`/`anyOf` of them), not an inline copy; and
 * one error schema per media type: the family most error responses of that media type use, a family
 * being a schema and those that extend it with `allOf` (`allOf: [{$ref: ErrorResponse}, …]`).
 * Whether the body is JSON, in the media type of its shape, is ec-error-media-type's. Runs on the
 * unresolved document (`resolved: false`) so that it can tell a `$ref` from an inline schema.
 */
import {
  arrayAt,
  entriesOf,
  followRef,
  isJsonMediaType,
  isObject,
  mediaTypeBase,
  refOf,
} from "../../src/openapi/index.js";
import { documentRule, errorResponses } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */
/** @typedef {import("../../src/openapi/index.js").Json} Json */
/** @typedef {import("../shared.js").Result} Result */
/** A schema an error body references: the `$ref`, where it is written, the media type. @typedef {{ ref: string, path: JsonPath, mediaType: string }} Use */

/** A local `$ref` node. @param {unknown} node @returns {node is { $ref: string }} */
const isLocalRef = (node) => isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/");

/**
 * The schema a family grows from: `allOf` `$ref`s followed down to a schema that extends none,
 * named by where it is (so that an alias names its target).
 * @param {Json} doc @param {string} ref
 */
function familyOf(doc, ref) {
  const seen = new Set();
  let current = ref;
  while (!seen.has(current)) {
    seen.add(current);
    const { node, path } = followRef(doc, { $ref: current });
    if (path) current = refOf(path);
    const base = arrayAt(node, "allOf").find(isLocalRef);
    if (!isLocalRef(base)) break;
    current = base.$ref;
  }
  return current;
}

/**
 * The body of one error response: documented, by reference; the schemas it uses.
 * @param {string} key @param {Json} response @param {JsonPath} at
 * @returns {{ results: Result[], uses: Use[] }}
 */
function checkBody(key, response, at) {
  /** @type {Result[]} */
  const results = [];
  /** @type {Use[]} */
  const uses = [];
  const content = entriesOf(response.content);
  if (content.length === 0) {
    const message = `Error response ${key} has no body: give it content with the API's error schema.`;
    results.push({ message, path: at });
  }
  for (const [mediaType, media] of content) {
    if (!isJsonMediaType(mediaType)) continue; // ec-error-media-type
    const mediaAt = [...at, "content", mediaType];
    const schema = isObject(media) ? media.schema : undefined;
    const what = `Error response ${key} (${mediaType})`;
    const schemaAt = [...mediaAt, "schema"];
    const type = mediaTypeBase(mediaType);
    const branches = ["oneOf", "anyOf"].flatMap((k) =>
      arrayAt(schema, k).map((b, i) => ({ ref: isLocalRef(b) ? b.$ref : undefined, path: [...schemaAt, k, i] })),
    );
    if (!isObject(schema)) {
      results.push({ message: `${what} has no schema: reference the API's error schema.`, path: mediaAt });
    } else if (typeof schema.$ref === "string") {
      uses.push({ ref: schema.$ref, path: schemaAt, mediaType: type });
    } else if (branches.length > 0 && branches.every((b) => b.ref !== undefined)) {
      for (const { ref, path } of branches) uses.push({ ref: String(ref), path, mediaType: type });
    } else {
      const message = `${what} defines its error body inline: reference the API's error schema component instead.`;
      results.push({ message, path: schemaAt });
    }
  }
  return { results, uses };
}

export default documentRule("ec-error-response-schema", (doc) => {
  /** @type {Result[]} */
  const results = [];
  /** @type {Use[]} */
  const uses = [];
  for (const { key, response, at } of errorResponses(doc)) {
    const body = checkBody(key, response, at);
    results.push(...body.results);
    uses.push(...body.uses);
  }
  // One error schema family per media type: the one most error responses of that type use.
  /** @type {Map<string, Map<string, number>>} */
  const counts = new Map();
  const families = uses.map((use) => familyOf(doc, use.ref));
  uses.forEach((use, i) => {
    const byFamily = counts.get(use.mediaType) ?? new Map();
    counts.set(use.mediaType, byFamily);
    byFamily.set(families[i], (byFamily.get(families[i]) ?? 0) + 1);
  });
  uses.forEach(({ ref, path, mediaType }, i) => {
    const ranked = [...(counts.get(mediaType) ?? new Map()).entries()];
    const [main] = ranked.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!main || families[i] === main[0]) return;
    const uses = `This API's ${mediaType} error responses use ${main[0]} (or a schema extending it with allOf)`;
    const message = `${uses}; this one uses ${ref}: use the API's error schema, or extend it with allOf.`;
    results.push({ message, path });
  });
  return results;
});

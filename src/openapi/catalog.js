// @ts-check
/** The error catalog of a document: every example that carries `x-error` (see docs/extensions.md). */
import { isCode, readErrorBody } from "./error-body.js";
import { apiErrorShape, shapeOfSchema } from "./error-shape.js";
import { entriesOf, isObject, objectAt } from "./json.js";
import { operations } from "./operations.js";
import { contentOf, errorResponsesOf } from "./responses.js";

/**
 * @typedef {object} CatalogEntry
 * @property {string} name the example's name
 * @property {import("./json.js").JsonPath} path where the example is
 * @property {import("./json.js").Json} example
 * @property {unknown} status `x-error.status`
 * @property {import("./error-body.js").ErrorBody | undefined} body
 */

/**
 * The examples a catalog is read from, in document order: `components.examples` first, then examples under
 * error responses that are not components (an unbundled spec may reach its catalog only that way), each once,
 * with the shape its body is read with: the API's (`shape`), and under a response that of the response's schema.
 * @param {unknown} doc @param {import("./declared-shape.js").ErrorShape | undefined} shape
 * @returns {Generator<{ name: string, example: import("./json.js").Json, path: import("./json.js").JsonPath, bodyShape: import("./declared-shape.js").ErrorShape | undefined }>}
 */
export function* errorExamples(doc, shape) {
  const seen = new Set();
  /** @param {string} name @param {unknown} example @param {import("./json.js").JsonPath} path @param {import("./declared-shape.js").ErrorShape | undefined} bodyShape */
  const once = (name, example, path, bodyShape) =>
    isObject(example) && !seen.has(example) && seen.add(example) ? [{ name, example, path, bodyShape }] : [];
  for (const [name, example] of entriesOf(objectAt(doc, "components").examples)) {
    yield* once(name, example, ["components", "examples", name], shape);
  }
  for (const { operation, path } of operations(doc)) {
    for (const { response, path: at } of errorResponsesOf(operation, path)) {
      for (const { mediaType, media, path: mediaAt } of contentOf(response, at)) {
        const bodyShape = shapeOfSchema(doc, media.schema, mediaType) ?? shape;
        for (const [name, example] of entriesOf(media.examples)) {
          yield* once(name, example, [...mediaAt, "examples", name], bodyShape);
        }
      }
    }
  }
}

/**
 * Catalog entries in document order (`errorExamples` that carry `x-error`), their bodies read with the API's
 * error shape (`shape`, by default the document's own), or that of their response's schema.
 * @param {unknown} doc @param {import("./declared-shape.js").ErrorShape | undefined} [shape]
 * @returns {CatalogEntry[]}
 */
export function catalogEntries(doc, shape = apiErrorShape(doc)?.shape) {
  return [...errorExamples(doc, shape)]
    .filter(({ example }) => "x-error" in example)
    .map(({ name, path, example, bodyShape }) => {
      const meta = example["x-error"];
      const status = isObject(meta) ? meta.status : undefined;
      return { name, path, example, status, body: readErrorBody(example.value, bodyShape) };
    });
}

/** Catalog codes by their text ("30011" for 30011), first definition wins. @param {CatalogEntry[]} entries */
export function codeIndex(entries) {
  /** @type {Map<string, CatalogEntry>} */
  const index = new Map();
  for (const entry of entries) {
    const code = entry.body?.code;
    if (isCode(code) && !index.has(String(code))) index.set(String(code), entry);
  }
  return index;
}

// @ts-check
/**
 * ec-example-status: an example under an error response carries a code whose catalog status is that
 * response's status. Runs on the unresolved document (`resolved: false`) to point at the place the
 * example is listed, which is what to move, not at the example itself.
 */
import {
  catalogEntries,
  codeIndex,
  contentOf,
  entriesOf,
  errorResponsesOf,
  followRef,
  isObject,
  keyCovers,
  operations,
  readErrorBody,
  resolveRef,
  responsesOf,
  setValueAt,
  shapeOfSchema,
} from "../../src/openapi/index.js";
import { documentRule, errorShapeOf } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").Json} Json */

export default documentRule("ec-example-status", (doc) => {
  const apiShape = errorShapeOf(doc)?.shape;
  const catalog = codeIndex(catalogEntries(resolveExamples(doc), apiShape));
  if (catalog.size === 0) return [];
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    for (const { key, response: raw, path: listedAt } of errorResponsesOf(operation, path)) {
      if (key === "default") continue;
      const { node: response, path: responseAt } = followRef(doc, raw);
      for (const { mediaType, media, path: at } of contentOf(response, responseAt ?? listedAt)) {
        const shape = shapeOfSchema(doc, media.schema, mediaType) ?? apiShape;
        for (const [name, listed] of entriesOf(media.examples)) {
          const example = resolveRef(doc, listed);
          const code = readErrorBody(isObject(example) ? example.value : undefined, shape)?.code;
          // A catalog example's own status, else its code's entry's (where codes are shared, the first).
          const meta = isObject(example) ? example["x-error"] : undefined;
          const own = isObject(meta) && typeof meta.status === "number" ? meta.status : undefined;
          const status = code === undefined ? undefined : (own ?? catalog.get(String(code))?.status);
          if (typeof status !== "number" || keyCovers(key, status)) continue;
          const what = `Example ${name} carries code ${code}, whose status is ${status}`;
          const message = `${what}, under a ${key} response: list it under the ${status} response.`;
          results.push({ message, path: [...at, "examples", name] });
        }
      }
    }
  }
  return results;
});

/**
 * The document with the examples listed under responses followed, so that the catalog reader finds
 * entries that sit under a response through a `$ref`. Only `components.examples` is read otherwise.
 * @param {Json} doc @returns {Json}
 */
function resolveExamples(doc) {
  /** @type {Json} */
  const paths = {};
  for (const { route, method, operation } of operations(doc)) {
    /** @type {Json} */
    const responses = {};
    for (const { key, response: raw } of responsesOf(operation, [])) {
      const response = resolveRef(doc, raw);
      if (!isObject(response) || !isObject(response.content)) continue;
      /** @type {Json} */
      const content = {};
      for (const { mediaType, media } of contentOf(response, [])) {
        if (!isObject(media.examples)) continue;
        const examples = entriesOf(media.examples).map(([name, example]) => [name, resolveRef(doc, example)]);
        content[mediaType] = { examples: Object.fromEntries(examples) };
      }
      responses[key] = { content };
    }
    setValueAt(paths, [route, method, "responses"], responses);
  }
  return { components: doc.components, paths };
}

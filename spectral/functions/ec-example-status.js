// @ts-check
/**
 * ec-example-status: an example under an error response carries a code whose catalog status is that
 * response's status. Runs on the unresolved document (`resolved: false`) to point at the place the
 * example is listed, which is what to move, not at the example itself.
 */
import { readErrorBody } from "./lib/error-body.js";
import { catalogEntries, codeIndex } from "./lib/catalog.js";
import { followRef, isErrorKey, isObject, keyCovers, operations } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function exampleStatus(doc) {
  const catalog = codeIndex(catalogEntries(resolveExamples(doc)));
  if (catalog.size === 0) return [];
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    for (const [key, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key) || key === "default") continue;
      const { node: response, path: responsePath } = followRef(doc, raw);
      if (!isObject(response) || !isObject(response.content)) continue;
      const at = responsePath ?? [...path, "responses", key];
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (!isObject(media) || !isObject(media.examples)) continue;
        for (const [name, listed] of Object.entries(media.examples)) {
          const example = followRef(doc, listed).node;
          const code = readErrorBody(isObject(example) ? example.value : undefined)?.code;
          const entry = code === undefined ? undefined : catalog.get(String(code));
          if (!entry || typeof entry.status !== "number" || keyCovers(key, entry.status)) continue;
          results.push({
            message: `Example ${name} carries code ${code}, whose status is ${entry.status}, under a ${key} response: list it under the ${entry.status} response.`,
            path: [...at, "content", mediaType, "examples", name],
          });
        }
      }
    }
  }
  return results;
}

/**
 * The document with the examples listed under responses followed, so that the catalog reader finds
 * entries that sit under a response through a `$ref`. Only `components.examples` is read otherwise.
 * @param {import("./lib/openapi.js").Json} doc
 */
function resolveExamples(doc) {
  const paths = /** @type {import("./lib/openapi.js").Json} */ ({});
  for (const { route, method, operation } of operations(doc)) {
    const responses = /** @type {import("./lib/openapi.js").Json} */ ({});
    for (const [key, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      const response = followRef(doc, raw).node;
      if (!isObject(response) || !isObject(response.content)) continue;
      const content = /** @type {import("./lib/openapi.js").Json} */ ({});
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (!isObject(media) || !isObject(media.examples)) continue;
        content[mediaType] = { examples: Object.fromEntries(Object.entries(media.examples).map(([name, ex]) => [name, followRef(doc, ex).node])) };
      }
      responses[key] = { content };
    }
    paths[route] = { ...paths[route], [method]: { responses } };
  }
  return { components: doc.components, paths };
}

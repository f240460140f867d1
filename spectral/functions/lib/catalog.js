// @ts-check
/** The error catalog of a document: every example that carries `x-error` (see docs/extensions.md). */
import { readErrorBody } from "./error-body.js";
import { isErrorKey, isObject, operations } from "./openapi.js";

/**
 * @typedef {object} CatalogEntry
 * @property {string} name the example's name
 * @property {import("./openapi.js").JsonPath} path where the example is
 * @property {import("./openapi.js").Json} example
 * @property {unknown} status `x-error.status`
 * @property {import("./error-body.js").ErrorBody | undefined} body
 */

/**
 * Catalog entries in document order: `components.examples` first, then examples under error
 * responses that are not components (an unbundled spec may reach its catalog only that way).
 * @param {import("./openapi.js").Json} doc @returns {CatalogEntry[]}
 */
export function catalogEntries(doc) {
  /** @type {CatalogEntry[]} */
  const entries = [];
  const seen = new Set();
  /** @param {string} name @param {unknown} example @param {import("./openapi.js").JsonPath} path */
  const add = (name, example, path) => {
    if (!isObject(example) || !("x-error" in example) || seen.has(example)) return;
    seen.add(example);
    const meta = example["x-error"];
    entries.push({ name, path, example, status: isObject(meta) ? meta.status : undefined, body: readErrorBody(example.value) });
  };
  const components = isObject(doc.components) && isObject(doc.components.examples) ? doc.components.examples : {};
  for (const [name, example] of Object.entries(components)) add(name, example, ["components", "examples", name]);
  for (const { operation, path } of operations(doc)) {
    for (const [key, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key) || !isObject(response) || !isObject(response.content)) continue;
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (!isObject(media) || !isObject(media.examples)) continue;
        for (const [name, example] of Object.entries(media.examples)) add(name, example, [...path, "responses", key, "content", mediaType, "examples", name]);
      }
    }
  }
  return entries;
}

/** Catalog codes by their text ("30011" for 30011), first definition wins. @param {CatalogEntry[]} entries */
export function codeIndex(entries) {
  /** @type {Map<string, CatalogEntry>} */
  const index = new Map();
  for (const entry of entries) {
    const code = entry.body?.code;
    if ((typeof code === "string" || typeof code === "number") && !index.has(String(code))) index.set(String(code), entry);
  }
  return index;
}

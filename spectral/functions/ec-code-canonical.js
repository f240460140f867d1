// @ts-check
/**
 * ec-code-canonical: every code in an error example and in an enum of error codes is a code of the
 * API's catalog. Codes are never translated: `IZIN_TIDAK_MEMADAI` is not `INSUFFICIENT_PERMISSIONS`.
 */
import {
  allCodes,
  codeIndex,
  contentOf,
  entriesOf,
  errorResponsesOf,
  flattenSchema,
  isCode,
  isObject,
  operations,
  shapeOfSchema,
} from "../../src/openapi/index.js";
import { catalogOf, documentRule, errorShapeOf } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */
/** @typedef {import("../../src/openapi/index.js").ErrorShape} ErrorShape */

export default documentRule("ec-code-canonical", (doc) => {
  const apiShape = errorShapeOf(doc)?.shape;
  const entries = catalogOf(doc);
  const catalog = codeIndex(entries);
  if (catalog.size === 0) return [];
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  /** @param {unknown} code @param {number | undefined} status */
  const hint = (code, status) => {
    const sameStatus = entries.filter((e) => e.status === status && typeof e.body?.code === typeof code);
    return sameStatus.length === 1 ? ` Did you mean ${String(sameStatus[0]?.body?.code)}?` : "";
  };
  for (const { operation, path } of operations(doc)) {
    for (const { key, response, path: responseAt } of errorResponsesOf(operation, path)) {
      for (const { mediaType, media, path: at } of contentOf(response, responseAt)) {
        const shape = shapeOfSchema(doc, media.schema, mediaType) ?? apiShape;
        if (!shape) continue;
        for (const { value, at: valueAt } of examplesOf(media, at)) {
          for (const { code, path: codePath } of allCodes(value, shape)) {
            if (!isCode(code) || catalog.has(String(code))) continue;
            const message = `${code} is not a code of this API's catalog: codes are never translated or invented.`;
            const hinted = `${message}${hint(code, Number(key) || undefined)}`;
            results.push({ message: hinted, path: [...valueAt, ...codePath] });
          }
        }
        for (const { enumValues, enumAt } of codeEnums(media.schema, [...at, "schema"], shape)) {
          enumValues.forEach((value, index) => {
            if (catalog.has(String(value))) return;
            const message = `Enum value ${value} is not a code of this API's catalog.`;
            results.push({ message, path: [...enumAt, index] });
          });
        }
      }
    }
  }
  return results;
});

/**
 * The example values of a media type (`examples.*.value`, then `example`).
 * @param {import("../../src/openapi/index.js").Json} media @param {JsonPath} at
 */
function examplesOf(media, at) {
  const examples = entriesOf(media.examples).map(([name, ex]) => ({
    value: isObject(ex) ? ex.value : undefined,
    at: [...at, "examples", name, "value"],
  }));
  if (media.example !== undefined) examples.push({ value: media.example, at: [...at, "example"] });
  return examples;
}

/**
 * The schema of a body member, by its path, with where it is: `properties` followed (`allOf` merged).
 * @param {unknown} schema @param {JsonPath} at @param {string[]} path @returns {{ node: unknown, at: JsonPath }}
 */
function memberAt(schema, at, path) {
  let found = { node: schema, at };
  for (const key of path) {
    const properties = flattenSchema(found.node).properties;
    found = { node: properties[key], at: [...found.at, "properties", key] };
  }
  return found;
}

/**
 * The enums of the code members of an error schema: at the shape's code path, and in each inner
 * error it nests (as far as the schema spells them out).
 * @param {unknown} schema @param {JsonPath} at @param {ErrorShape} shape
 * @returns {{ enumValues: unknown[], enumAt: JsonPath }[]}
 */
function codeEnums(schema, at, shape) {
  const codeKey = shape.code.slice(-1);
  const found = [];
  let holder = memberAt(schema, at, shape.code.slice(0, -1));
  for (let depth = 0; depth < 5 && isObject(holder.node); depth++) {
    const code = memberAt(holder.node, holder.at, codeKey);
    if (isObject(code.node) && Array.isArray(code.node.enum)) {
      found.push({ enumValues: code.node.enum, enumAt: [...code.at, "enum"] });
    }
    const properties = flattenSchema(holder.node).properties;
    const key = shape.innerError.find((k) => isObject(properties[k]));
    const next = key ? memberAt(holder.node, holder.at, [key]) : undefined;
    if (!next || next.node === holder.node) break;
    holder = next;
  }
  return found;
}

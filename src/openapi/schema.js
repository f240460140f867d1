// @ts-check
/** Reading JSON Schemas as the error contracts write them: `allOf` merged, 3.1 type arrays. */
import { arrayAt, isObject } from "./json.js";
import { followRef } from "./pointer.js";

/** @typedef {import("./json.js").Json} Json */

/**
 * The keywords that set a limit on a request's value (a length, a range, a count, a pattern): a
 * schema that sets one names in `x-error-code` the catalog code a request breaking it gets
 * (`ec-limit-code`, docs/extensions.md).
 */
export const LIMIT_KEYWORDS = /** @type {const} */ ([
  ...["maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"],
  ...["maxItems", "minItems", "maxProperties", "minProperties", "pattern"],
]);

/** How deep `flattenSchema` follows nested `allOf`s. */
const MAX_DEPTH = 8;

/**
 * A schema with its `allOf` members merged: properties (the first definition of a name wins),
 * required and types. Given the document, an `allOf` member's local `$ref` is followed (a problem
 * details schema extended with `allOf: [{$ref: Problem}, …]`); without it, `$ref`s are not.
 * @param {unknown} schema @param {unknown} [doc] @param {number} [depth]
 * @returns {{ properties: Json, required: string[], types: string[] }}
 */
export function flattenSchema(schema, doc, depth = 0) {
  /** @type {{ properties: Json, required: string[], types: string[] }} */
  const flat = { properties: {}, required: [], types: [] };
  if (!isObject(schema) || depth > MAX_DEPTH) return flat;
  if (isObject(schema.properties)) Object.assign(flat.properties, schema.properties);
  flat.required.push(...arrayAt(schema, "required").filter((r) => typeof r === "string"));
  flat.types.push(...typesOf(schema));
  for (const member of arrayAt(schema, "allOf")) {
    const inner = flattenSchema(doc === undefined ? member : followRef(doc, member).node, doc, depth + 1);
    for (const [name, value] of Object.entries(inner.properties)) {
      if (!(name in flat.properties)) flat.properties[name] = value;
    }
    flat.required.push(...inner.required);
    flat.types.push(...inner.types);
  }
  return flat;
}

/**
 * The types a schema allows: `type: string` → string; `type: [string, "null"]` → both; an `allOf`
 * without `type` → its members' types.
 * @param {unknown} schema @returns {string[]}
 */
export function typesOf(schema) {
  if (!isObject(schema)) return [];
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t) => typeof t === "string");
  if (Array.isArray(schema.allOf)) return schema.allOf.flatMap(typesOf);
  return [];
}

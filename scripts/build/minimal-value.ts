import { arrayAt, flattenSchema, followRef, isObject, typesOf } from "../../src/openapi/index.js";

/** How deep the minimal value of a recursive schema goes. */
const MAX_DEPTH = 16;

/**
 * The smallest JSON value a schema admits, as far as the error schemas need: an object's required
 * members, `const`, the first `enum` member, a string of `minLength` characters, a number at its
 * `minimum`, an array of `minItems` minimal items; `allOf` merged and `$ref`s followed.
 * Used for the body of an error status without a catalogued code (scripts/build/server-spec.ts).
 */
export function minimalValue(doc: unknown, raw: unknown, depth = 0): unknown {
  const schema = followRef(doc, raw).node;
  if (!isObject(schema) || depth > MAX_DEPTH) return {};
  if ("const" in schema) return schema.const;
  const choices = arrayAt(schema, "enum");
  if (choices.length > 0) return choices[0];
  const branch = [...arrayAt(schema, "oneOf"), ...arrayAt(schema, "anyOf")][0];
  if (branch !== undefined && !isObject(schema.properties)) return minimalValue(doc, branch, depth + 1);
  const flat = flattenSchema(schema, doc);
  const types = flat.types.length > 0 ? flat.types : typesOf(schema);
  const type = types.find((t) => t !== "null") ?? (isObject(schema.properties) ? "object" : "null");
  switch (type) {
    case "object":
      return Object.fromEntries(
        [...new Set(flat.required)].map((name) => [name, minimalValue(doc, flat.properties[name], depth + 1)]),
      );
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () => minimalValue(doc, schema.items, depth + 1));
    }
    case "string":
      return "x".repeat(typeof schema.minLength === "number" ? schema.minLength : 0);
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

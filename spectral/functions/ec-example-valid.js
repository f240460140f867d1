// @ts-check
/**
 * ec-example-valid: every example of an error response validates against the response's schema.
 * Only error responses: Spectral's oas3-valid-media-example checks every example of a spec, which on
 * large descriptions costs more than all other rules together. Runs on the unresolved document so
 * that recursive schemas (innerError) are validated through their `$ref`s, not skipped.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { followRef, isErrorKey, isObject, operations } from "./lib/openapi.js";

/** @type {WeakMap<object, Map<string, import("ajv").ValidateFunction | string>>} */
const compiled = new WeakMap();

/**
 * A validator for a schema of the document; `#/components/…` references resolve in the document.
 * @param {import("./lib/openapi.js").Json} doc @param {import("./lib/openapi.js").Json} schema
 * @returns {import("ajv").ValidateFunction | string} the validator, or why the schema does not compile
 */
function validatorFor(doc, schema) {
  let cache = compiled.get(doc);
  if (!cache) {
    cache = new Map();
    compiled.set(doc, cache);
  }
  const key = JSON.stringify(schema);
  let found = cache.get(key);
  if (found === undefined) {
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    try {
      found = ajv.compile({ ...schema, components: doc.components });
    } catch (error) {
      found = error instanceof Error ? error.message : String(error);
    }
    cache.set(key, found);
  }
  return /** @type {import("ajv").ValidateFunction | string} */ (found);
}

/** @param {import("./lib/openapi.js").Json} doc */
export default function exampleValid(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { operation, path } of operations(doc)) {
    for (const [key, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key)) continue;
      const { node: response, path: responsePath } = followRef(doc, raw);
      if (!isObject(response) || !isObject(response.content)) continue;
      const at = responsePath ?? [...path, "responses", key];
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (!isObject(media) || !isObject(media.schema)) continue;
        /** @type {{ name: string, value: unknown, at: import("./lib/openapi.js").JsonPath }[]} */
        const examples = [];
        for (const [name, listed] of Object.entries(isObject(media.examples) ? media.examples : {})) {
          const { node: example, path: examplePath } = followRef(doc, listed);
          if (isObject(example) && "value" in example) examples.push({ name, value: example.value, at: [...(examplePath ?? [...at, "content", mediaType, "examples", name]), "value"] });
        }
        if ("example" in media) examples.push({ name: "example", value: media.example, at: [...at, "content", mediaType, "example"] });
        if (examples.length === 0) continue;
        const validate = validatorFor(doc, media.schema);
        if (typeof validate === "string") {
          results.push({ message: `The schema of error response ${key} (${mediaType}) does not compile: ${validate}`, path: [...at, "content", mediaType, "schema"] });
          continue;
        }
        for (const { name, value, at: valueAt } of examples) {
          if (validate(value)) continue;
          const error = validate.errors?.[0];
          const where = (error?.instancePath ?? "").split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
          results.push({ message: `Example ${name} does not match its schema: ${error?.instancePath || "the body"} ${error?.message ?? "is not valid"}.`, path: [...valueAt, ...where] });
        }
      }
    }
  }
  return results;
}

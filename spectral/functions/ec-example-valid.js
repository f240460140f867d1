// @ts-check
/**
 * ec-example-valid: every example of an error response validates against the response's schema.
 * Runs on the unresolved document so that recursive schemas (innerError) are validated through
 * their `$ref`s: spectral:oas's example rules, and ec-oas-examples as they, check no example of a
 * schema that refers to itself. Where ec-oas-examples runs in the same ruleset, it checks the other
 * error examples, so this rule checks only what it leaves (those schemas' examples, and `examples`
 * beside an `example`): no example is reported twice.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import {
  contentOf,
  entriesOf,
  errorResponsesOf,
  followRef,
  isObject,
  operations,
  pathOfPointer,
  refersToItself,
} from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").Json} Json */
/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */

/** @type {WeakMap<object, Map<string, import("ajv").ValidateFunction | string>>} */
const compiled = new WeakMap();

/**
 * A validator for a schema of the document; `#/components/…` references resolve in the document.
 * @param {Json} doc @param {Json} schema
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
  return found;
}

/**
 * The examples of a media type: each of `examples` (a `$ref` followed) with a value, then `example`.
 * Where ec-oas-examples runs (`others`) and the schema does not refer to itself, it checks the media
 * type's `example`, else its `examples`: only what it leaves is given (`examples` beside an `example`).
 * @param {Json} doc @param {Json} media @param {JsonPath} at @param {boolean} others
 */
function examplesOf(doc, media, at, others) {
  /** The media type's `example` has no name. @type {{ name?: string, value: unknown, at: JsonPath }[]} */
  const examples = [];
  if (others && !("example" in media)) return examples;
  for (const [name, listed] of entriesOf(media.examples)) {
    const { node: example, path: examplePath } = followRef(doc, listed);
    if (!isObject(example) || !("value" in example)) continue;
    examples.push({ name, value: example.value, at: [...(examplePath ?? [...at, "examples", name]), "value"] });
  }
  if ("example" in media && !others) examples.push({ value: media.example, at: [...at, "example"] });
  return examples;
}

/**
 * Whether ec-oas-examples runs beside this rule: the rules of a run are the objects of the rulesets
 * that define them, switched on and off in place by the rulesets that extend them.
 * @param {import("@stoplight/spectral-core").RulesetFunctionContext} context
 */
function oasExamplesRun(context) {
  const rule = /** @type {{ owner?: { rules?: Record<string, { enabled?: boolean }> } }} */ (context.rule);
  return rule.owner?.rules?.["ec-oas-examples"]?.enabled === true;
}

export default documentRule("ec-example-valid", (doc, _options, context) => {
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  const othersChecked = oasExamplesRun(context);
  for (const { operation, path } of operations(doc)) {
    for (const { key, response: raw, path: listedAt } of errorResponsesOf(operation, path)) {
      const { node: response, path: responseAt } = followRef(doc, raw);
      for (const { mediaType, media, path: at } of contentOf(response, responseAt ?? listedAt)) {
        if (!isObject(media.schema)) continue;
        const examples = examplesOf(doc, media, at, othersChecked && !refersToItself(doc, media.schema));
        if (examples.length === 0) continue;
        const validate = validatorFor(doc, media.schema);
        if (typeof validate === "string") {
          const message = `The schema of error response ${key} (${mediaType}) does not compile: ${validate}`;
          results.push({ message, path: [...at, "schema"] });
          continue;
        }
        for (const { name, value, at: valueAt } of examples) {
          if (validate(value)) continue;
          const error = validate.errors?.[0];
          const what = `${error?.instancePath || "the body"} ${error?.message ?? "is not valid"}`;
          const where = pathOfPointer(error?.instancePath ?? "");
          const example = name === undefined ? "The example" : `Example ${name}`;
          const message = `${example} does not match its schema: ${what}.`;
          results.push({ message, path: [...valueAt, ...where] });
        }
      }
    }
  }
  return results;
});

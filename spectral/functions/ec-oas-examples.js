// @ts-check
/**
 * ec-oas-examples: every example validates against its schema. It checks what spectral:oas's
 * oas3-valid-media-example and oas3-valid-schema-example check, with their messages, at their
 * locations, through the same validation (their `oasSchema`: OpenAPI 3.0 `nullable`, 3.1's JSON Schema
 * 2020-12, formats), and costs once per (schema, example) instead of once per use:
 * - those rules run at every JSON path of the resolved document that matches their `given`, so a
 *   response shared by 5,000 operations is validated 5,000 times, each time on a fresh copy of its
 *   schema, which Ajv compiles again. Here the resolved document is walked once per object and per
 *   what its place decides (below which keys it is, request or response), and Spectral moves each
 *   result from the first place found to where the object is defined, as it moves theirs;
 * - each example is first checked against its schema with the `$ref`s kept (shared-ref-validation.js),
 *   each component compiled once; a failure's findings are Spectral's own, made of that check's Ajv errors;
 * - where that check cannot answer exactly, each schema is prepared (copied, `id`s cleaned, `required`
 *   relaxed) once per place and text (its own `example` and `default` aside), so Spectral's `schema`
 *   function compiles it once, and once for all schemas written alike; each (schema, example) is
 *   validated once.
 * The preparation (`cleanSchema`, `relaxRequired`) is spectral:oas's own (`oasExample.js`, not exported).
 */
import traverse from "json-schema-traverse";
import { oasSchema } from "@stoplight/spectral-rulesets/dist/oas/functions/index.js";
import { isObject } from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";
import { sharedRefValidation } from "../example-validation/shared-ref-validation.js";
import { spectralResults } from "../example-validation/spectral-ajv.js";

/** @typedef {import("../shared.js").Result} Result */
/** @typedef {(string | number)[]} Path */
/** @typedef {Record<string, unknown>} Obj */

/** Where a node is, as far as the two rules' `given` and their preparation look. */
const BELOW = new Set(["content", "headers", "parameters"]);
const KEYWORDS = [
  ...Object.keys(/** @type {any} */ (traverse).keywords),
  ...Object.keys(/** @type {any} */ (traverse).arrayKeywords),
  ...Object.keys(/** @type {any} */ (traverse).propsKeywords),
];

/** spectral:oas's `isSubpath`: the path starts with one of the patterns (`*` any segment). */
const startsLike = (/** @type {Path} */ path, /** @type {string[][]} */ patterns) =>
  patterns.some((pattern) => pattern.every((segment, i) => segment === "*" || segment === path[i]));
const REQUEST = [
  ["components", "requestBodies"],
  ["paths", "*", "*", "requestBody"],
];
const RESPONSE = [
  ["components", "responses"],
  ["paths", "*", "*", "responses"],
];

/** spectral:oas's `cleanSchema`: `id` removed from objects that are not under a schema keyword. */
function cleanSchema(/** @type {any} */ schema) {
  traverse(schema, { allKeys: true }, (fragment, _ptr, _root, _parentPtr, parentKeyword) => {
    if (parentKeyword === undefined || KEYWORDS.includes(parentKeyword)) return;
    if ("id" in fragment) delete fragment.id;
    if ("$id" in fragment) delete fragment.id;
  });
}

/** spectral:oas's `relaxRequired`: readOnly (request) or writeOnly (response) properties not required. */
function relaxRequired(/** @type {any} */ schema, /** @type {boolean} */ readOnly, /** @type {boolean} */ writeOnly) {
  if (!readOnly && !writeOnly) return;
  /** @type {string[]} */
  const notPointers = [];
  traverse(schema, {}, (fragment, ptr, _root, parentPtr, parentKeyword, parent, propertyName) => {
    if (parentKeyword === "not") {
      notPointers.push(ptr);
      return;
    }
    if (parentPtr !== undefined && notPointers.some((p) => parentPtr === p || parentPtr.startsWith(`${p}/`))) return;
    if (!((fragment.readOnly === true && readOnly) || (fragment.writeOnly === true && writeOnly))) return;
    if (parentKeyword === "properties" && parent && (parent.required === undefined || Array.isArray(parent.required))) {
      parent.required = parent.required?.filter((/** @type {unknown} */ p) => p !== propertyName);
      if (parent.required?.length === 0) delete parent.required;
    }
  });
}

/**
 * The examples a matched node holds, as the two rules pick them: a media object's `example`, else
 * each of its `examples` (`value`; one with `externalValue` or not an object skipped); a schema's
 * `example` and `default`.
 * @param {Obj} node @param {"media" | "schema"} kind @param {Path} at
 * @returns {Generator<{ value: unknown, path: Path }, void, unknown>}
 */
function* examplesOf(node, kind, at) {
  if (kind === "schema") {
    for (const field of ["example", "default"]) if (field in node) yield { value: node[field], path: [...at, field] };
    return;
  }
  if ("example" in node) {
    yield { value: node.example, path: [...at, "example"] };
    return;
  }
  if (!("examples" in node) || !isObject(node.examples)) return;
  for (const [name, example] of Object.entries(node.examples)) {
    if (!isObject(example) || "externalValue" in example) continue;
    yield { value: example.value, path: [...at, "examples", name, "value"] };
  }
}

/**
 * A schema as text, without its own `example` and `default` (annotations Ajv ignores, which tell
 * apart schemas that validate alike: a property's `{ type: string, example: … }`).
 * @param {unknown} schema
 */
const schemaText = (schema) =>
  JSON.stringify(schema, function (key, value) {
    return this === schema && (key === "example" || key === "default") ? undefined : value;
  });

/**
 * The validation of one document: schemas prepared once per text and place (the same schema met
 * again, or another one written alike: compiled once), results once per (prepared schema, example,
 * last path segment, which the messages name).
 * @param {import("@stoplight/spectral-core").RulesetFunctionContext} context
 */
function validation(context) {
  /** @type {WeakMap<object, Map<string, unknown>>} */
  const byIdentity = new WeakMap();
  /** @type {Map<string, unknown>} */
  const byText = new Map();
  /** @type {Map<unknown, Map<unknown, Map<string, Result[]>>>} */
  const checked = new Map();
  /** @param {unknown} schema @param {string} place @returns {any} the prepared copy, a JSON value */
  const prepare = (schema, place) => {
    const key = isObject(schema) ? schema : undefined;
    const known = key && byIdentity.get(key)?.get(place);
    if (known !== undefined) return known;
    const text = schemaText(schema);
    let copy = byText.get(`${place} ${text}`);
    if (copy === undefined) {
      copy = JSON.parse(text);
      cleanSchema(copy);
      relaxRequired(copy, place === "request", place === "response");
      byText.set(`${place} ${text}`, copy);
    }
    if (key) byIdentity.set(key, (byIdentity.get(key) ?? new Map()).set(place, copy));
    return copy;
  };
  const first = sharedRefValidation(context.document);
  const report = first && spectralResults(context.document);
  /**
   * @param {unknown} schema @param {Path} schemaAt where it is @param {string} place @param {unknown} value
   * @param {Path} at where the example is @returns {Result[]}
   */
  return (schema, schemaAt, place, value, at) => {
    const verdict = first?.(schemaAt, place, value);
    if (verdict === true) return [];
    const copy = prepare(schema, place);
    const last = String(at.at(-1));
    const byValue = checked.get(copy) ?? checked.set(copy, new Map()).get(copy);
    const byLast = byValue?.get(value) ?? byValue?.set(value, new Map()).get(value);
    let relative = byLast?.get(last);
    if (relative === undefined) {
      // Failed the first check with its errors: Spectral's messages of them; else spectral:oas's own validation.
      const results =
        (Array.isArray(verdict) ? report?.(value, verdict, { ...context, path: at }) : undefined) ??
        oasSchema(value, { schema: copy }, { ...context, path: at }) ??
        [];
      relative = (Array.isArray(results) ? results : []).map((r) => ({
        message: r.message,
        path: (r.path ?? at).slice(at.length),
      }));
      byLast?.set(last, relative);
    }
    return relative.map((r) => ({ message: r.message, path: [...at, ...r.path] }));
  };
}

export default documentRule("ec-oas-examples", (doc, _options, context) => {
  const validate = validation(context);
  /** @type {Result[]} */
  const results = [];
  /** @type {WeakMap<object, Set<string>>} */
  const seen = new WeakMap();
  /** @type {{ node: unknown, path: Path, below: boolean }[]} */
  const stack = [{ node: doc, path: [], below: false }];
  while (stack.length > 0) {
    const { node, path, below } = /** @type {{ node: unknown, path: Path, below: boolean }} */ (stack.pop());
    if (typeof node !== "object" || node === null) continue;
    const key = path.at(-1);
    const inSchemas = path.length >= 3 && path[0] === "components" && path[1] === "schemas";
    const place = startsLike(path, REQUEST) ? "request" : startsLike(path, RESPONSE) ? "response" : "other";
    // Below depth 4 the place no longer changes: an object met again in the same circumstances adds nothing.
    if (path.length >= 4) {
      const state = `${below}|${BELOW.has(String(key))}|${key === "properties"}|${inSchemas}|${place}`;
      const states = seen.get(node) ?? seen.set(node, new Set()).get(node);
      if (states?.has(state)) continue;
      states?.add(state);
    }
    if (isObject(node) && below && node.schema && (node.example !== undefined || node.examples)) {
      for (const example of examplesOf(node, "media", path))
        results.push(...validate(node.schema, [...path, "schema"], place, example.value, example.path));
    }
    if (
      isObject(node) &&
      (below || inSchemas) &&
      key !== "properties" &&
      (node.example !== undefined || node.default !== undefined) &&
      (node.enum || node.type || node.format || node.$ref || node.properties || node.items)
    ) {
      for (const example of examplesOf(node, "schema", path))
        results.push(...validate(node, path, "other", example.value, example.path));
    }
    const childBelow = below || BELOW.has(String(key));
    for (const [childKey, child] of Object.entries(node)) {
      if (typeof child === "object" && child !== null)
        stack.push({
          node: child,
          path: [...path, Array.isArray(node) ? Number(childKey) : childKey],
          below: childBelow,
        });
    }
  }
  return results;
});

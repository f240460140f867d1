// @ts-check
/**
 * ec-catalog-entry: every catalog example (`x-error`) is complete: an HTTP status in x-error.status,
 * a code and a message in its body, a description; a problem body's `status` agrees with x-error.status;
 * x-error has no other member than `status` and `retryable`, which is a boolean (a misspelt or quoted one
 * would make a retryable code a final one in every client); and no error example spells `x-error` otherwise
 * (`x-eror`, `X-Error`, `x_errors`): such an example is no catalog entry, its code unknown to every rule.
 */
import {
  ERROR_SHAPE,
  entriesOf,
  errorExamples,
  isCode,
  isObject,
  objectAt,
  readDeclaredShape,
  refOf,
} from "../../src/openapi/index.js";
import { catalogOf, documentRule, errorShapeOf } from "../shared.js";

/** @param {unknown} status @returns {status is number} */
const isStatus = (status) => typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599;

/** `x-error` spelt otherwise: another case or separator, a doubled letter or one left out, a plural. @param {string} key */
const misspeltXError = (key) =>
  key !== "x-error" &&
  key
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/(.)\1+/g, "$1")
    .replace(/s$/, "") === "xeror";

/**
 * Each `x-error-shape` of `components.schemas` whose code cannot be read, reported once at its declaration:
 * no catalog example's code can be read through it, which says more than a line for each example.
 * @param {unknown} doc @returns {import("../shared.js").Result[]}
 */
function unreadableShapes(doc) {
  return entriesOf(objectAt(doc, "components").schemas).flatMap(([name, schema]) => {
    if (!isObject(schema) || !(ERROR_SHAPE in schema)) return [];
    const { shape, problems } = readDeclaredShape(schema[ERROR_SHAPE]);
    const problem = problems[0];
    if (shape || !problem) return [];
    const message = `${ERROR_SHAPE} of ${name} cannot be read (${problem.message.replace(/\.$/, "")}), so no catalog example's code can be.`;
    return [{ message, path: ["components", "schemas", name, ERROR_SHAPE, ...problem.path] }];
  });
}

export default documentRule("ec-catalog-entry", (doc) => {
  const shape = errorShapeOf(doc)?.shape;
  /** @type {import("../shared.js").Result[]} */
  const results = shape ? [] : unreadableShapes(doc);
  const unreadable = results.length > 0;
  const where = shape
    ? `at ${refOf(shape.code).slice(1)}, where the error shape puts it`
    : "that can be read: declare the error schema's shape with x-error-shape (docs/extensions.md)";
  for (const { name, path, example, status, body } of catalogOf(doc)) {
    /** @param {string} message @param {import("../../src/openapi/index.js").JsonPath} at */
    const report = (message, at) => results.push({ message: `Example ${name}: ${message}`, path: at });
    if (!isStatus(status)) {
      report("x-error.status must be the HTTP status of the code (an integer 100–599).", [...path, "x-error"]);
    }
    const meta = example["x-error"];
    for (const [key, value] of isObject(meta) ? Object.entries(meta) : []) {
      if (key === "retryable" && typeof value !== "boolean") {
        report("x-error.retryable must be true or false.", [...path, "x-error", key]);
      } else if (key !== "status" && key !== "retryable") {
        report(`x-error has no member ${key} (it takes status and retryable).`, [...path, "x-error", key]);
      }
    }
    if (!body || !isCode(body.code) || body.code === "") {
      if (!unreadable) report(`its value carries no error code ${where}.`, [...path, "value"]);
      continue;
    }
    if (typeof body.message !== "string" || body.message === "") {
      report(`its value carries no message for code ${body.code}.`, [...path, "value"]);
    }
    if (typeof example.description !== "string" || example.description.trim() === "") {
      report(`describe code ${body.code} (what it means, what to do) in description.`, path);
    }
    const value = example.value;
    if (isObject(value) && typeof value.status === "number" && typeof status === "number" && value.status !== status) {
      report(`body status ${value.status} differs from x-error.status ${status}.`, [...path, "value", "status"]);
    }
  }
  for (const { name, example, path } of errorExamples(doc, shape)) {
    if ("x-error" in example) continue;
    for (const key of Object.keys(example).filter(misspeltXError)) {
      const message = `Example ${name}: ${key} is not x-error, the key that makes an example a catalog entry (docs/extensions.md).`;
      results.push({ message, path: [...path, key] });
    }
  }
  return results;
});

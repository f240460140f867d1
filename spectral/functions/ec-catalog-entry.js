// @ts-check
/**
 * ec-catalog-entry: every catalog example (`x-error`) is complete: an HTTP status in x-error.status,
 * a code and a message in its body, a description; a problem body's `status` agrees with x-error.status.
 */
import { catalogEntries as entriesOf } from "./lib/catalog.js";
import { isObject } from "./lib/openapi.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function catalogEntries(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  for (const { name, path, example, status, body } of entriesOf(doc)) {
    if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
      results.push({ message: `Example ${name}: x-error.status must be the HTTP status of the code (an integer 100–599).`, path: [...path, "x-error"] });
    }
    if (!body || (typeof body.code !== "string" && typeof body.code !== "number") || body.code === "") {
      results.push({ message: `Example ${name}: its value carries no error code (errorCode, code, or error.code).`, path: [...path, "value"] });
      continue;
    }
    if (typeof body.message !== "string" || body.message === "") {
      results.push({ message: `Example ${name}: its value carries no message for code ${body.code}.`, path: [...path, "value"] });
    }
    if (typeof example.description !== "string" || example.description.trim() === "") {
      results.push({ message: `Example ${name}: describe code ${body.code} (what it means, what to do) in description.`, path });
    }
    const value = example.value;
    if (isObject(value) && typeof value.status === "number" && typeof status === "number" && value.status !== status) {
      results.push({ message: `Example ${name}: body status ${value.status} differs from x-error.status ${status}.`, path: [...path, "value", "status"] });
    }
  }
  return results;
}

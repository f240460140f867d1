// @ts-check
/**
 * ec-code-canonical: every code in an error example and in an enum of error codes is a code of the
 * API's catalog. Codes are never translated: `IZIN_TIDAK_MEMADAI` is not `INSUFFICIENT_PERMISSIONS`.
 */
import {
  allCodes,
  catalogEntries,
  codeIndex,
  contentOf,
  entriesOf,
  errorResponsesOf,
  flattenSchema,
  isCode,
  isObject,
  operations,
} from "../../src/openapi/index.js";
import { documentRule } from "../shared.js";

/** @typedef {import("../../src/openapi/index.js").JsonPath} JsonPath */

const CODE_MEMBERS = ["errorCode", "code"];
const NESTED = ["error", "innerError", "innererror"];

export default documentRule("ec-code-canonical", (doc) => {
  const entries = catalogEntries(doc);
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
      for (const { media, path: at } of contentOf(response, responseAt)) {
        for (const { value, at: valueAt } of examplesOf(media, at)) {
          for (const { code, path: codePath } of allCodes(value)) {
            if (!isCode(code) || catalog.has(String(code))) continue;
            const message = `${code} is not a code of this API's catalog: codes are never translated or invented.`;
            const hinted = `${message}${hint(code, Number(key) || undefined)}`;
            results.push({ message: hinted, path: [...valueAt, ...codePath] });
          }
        }
        for (const { enumValues, enumAt } of codeEnums(media.schema, [...at, "schema"])) {
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
 * The enums of code members in an error schema, top level and inside `error`/`innerError`.
 * @param {unknown} schema @param {JsonPath} at @returns {{ enumValues: unknown[], enumAt: JsonPath }[]}
 */
function codeEnums(schema, at, depth = 0) {
  if (!isObject(schema) || depth > 4) return [];
  const { properties } = flattenSchema(schema);
  const found = CODE_MEMBERS.flatMap((member) => {
    const property = properties[member];
    return isObject(property) && Array.isArray(property.enum)
      ? [{ enumValues: property.enum, enumAt: [...at, "properties", member, "enum"] }]
      : [];
  });
  for (const nested of NESTED) {
    const child = properties[nested];
    if (isObject(child) && child !== schema) found.push(...codeEnums(child, [...at, "properties", nested], depth + 1));
  }
  return found;
}

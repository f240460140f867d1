// @ts-check
/**
 * ec-code-canonical: every code in an error example and in an enum of error codes is a code of the
 * API's catalog. Codes are never translated: `IZIN_TIDAK_MEMADAI` is not `INSUFFICIENT_PERMISSIONS`.
 */
import { allCodes } from "./lib/error-body.js";
import { catalogEntries, codeIndex } from "./lib/catalog.js";
import { flattenSchema, isErrorKey, isObject, operations } from "./lib/openapi.js";

const CODE_MEMBERS = ["errorCode", "code"];

/** @param {import("./lib/openapi.js").Json} doc */
export default function canonicalCodes(doc) {
  const entries = catalogEntries(doc);
  const catalog = codeIndex(entries);
  if (catalog.size === 0) return [];
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  /** @param {unknown} code @param {number | undefined} status */
  const hint = (code, status) => {
    const sameStatus = entries.filter((e) => e.status === status && typeof e.body?.code === typeof code).map((e) => String(e.body?.code));
    return sameStatus.length === 1 ? ` Did you mean ${sameStatus[0]}?` : "";
  };
  for (const { operation, path } of operations(doc)) {
    for (const [key, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!isErrorKey(key) || !isObject(response) || !isObject(response.content)) continue;
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (!isObject(media)) continue;
        const at = [...path, "responses", key, "content", mediaType];
        const examples = isObject(media.examples) ? Object.entries(media.examples).map(([name, ex]) => ({ value: isObject(ex) ? ex.value : undefined, at: [...at, "examples", name, "value"] })) : [];
        if (media.example !== undefined) examples.push({ value: media.example, at: [...at, "example"] });
        for (const { value, at: valueAt } of examples) {
          for (const { code, path: codePath } of allCodes(value)) {
            if ((typeof code === "string" || typeof code === "number") && !catalog.has(String(code))) {
              results.push({ message: `${code} is not a code of this API's catalog: codes are never translated or invented.${hint(code, Number(key) || undefined)}`, path: [...valueAt, ...codePath] });
            }
          }
        }
        for (const { enumValues, enumAt } of codeEnums(media.schema, [...at, "schema"])) {
          enumValues.forEach((value, index) => {
            if (!catalog.has(String(value))) results.push({ message: `Enum value ${value} is not a code of this API's catalog.`, path: [...enumAt, index] });
          });
        }
      }
    }
  }
  return results;
}

/** The enums of code members in an error schema, top level and inside `error`/`innerError`. @param {unknown} schema @param {import("./lib/openapi.js").JsonPath} at */
function codeEnums(schema, at, depth = 0) {
  /** @type {{ enumValues: unknown[], enumAt: import("./lib/openapi.js").JsonPath }[]} */
  const found = [];
  if (!isObject(schema) || depth > 4) return found;
  const { properties } = flattenSchema(schema);
  for (const member of CODE_MEMBERS) {
    const property = properties[member];
    if (isObject(property) && Array.isArray(property.enum)) found.push({ enumValues: property.enum, enumAt: [...at, "properties", member, "enum"] });
  }
  for (const nested of ["error", "innerError", "innererror"]) {
    if (isObject(properties[nested]) && properties[nested] !== schema) found.push(...codeEnums(properties[nested], [...at, "properties", nested], depth + 1));
  }
  return found;
}

// @ts-check
/** JSON values as the toolkit reads them: parsed YAML or JSON whose shape is not trusted. */

/** A JSON object whose members are still to be checked. @typedef {Record<string, unknown>} Json */
/** Where a value sits in a document: keys and array indexes from the root. @typedef {(string | number)[]} JsonPath */

/** Whether a value is a JSON object (not null, not an array). @param {unknown} value @returns {value is Json} */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The members of an object, or none for anything else. @param {unknown} value @returns {[string, unknown][]} */
export function entriesOf(value) {
  return isObject(value) ? Object.entries(value) : [];
}

/** A member that is an object, or an empty object. @param {unknown} value @param {string} key @returns {Json} */
export function objectAt(value, key) {
  const member = isObject(value) ? value[key] : undefined;
  return isObject(member) ? member : {};
}

/** A member that is an array, or an empty array. @param {unknown} value @param {string} key @returns {unknown[]} */
export function arrayAt(value, key) {
  const member = isObject(value) ? value[key] : undefined;
  return Array.isArray(member) ? member : [];
}

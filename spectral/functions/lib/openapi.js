// @ts-check
/** Helpers shared by the ruleset's functions: walking operations and responses of an OpenAPI 3.x document. */

/** @typedef {Record<string, any>} Json */
/** @typedef {(string | number)[]} JsonPath */
/** @typedef {{ message: string, path: JsonPath }} Result A Spectral function result. */

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** @param {unknown} value @returns {value is Json} */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Every operation of the document, with its JSON path.
 * @param {Json} doc
 * @returns {{ route: string, method: string, operation: Json, item: Json, path: JsonPath }[]}
 */
export function operations(doc) {
  const found = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) found.push({ route, method, operation, item, path: ["paths", route, method] });
    }
  }
  return found;
}

/** A response key that describes a failure: 4xx, 5xx, 4XX, 5XX or default. @param {string} key */
export function isErrorKey(key) {
  return /^[45](\d\d|XX)$/i.test(key) || key === "default";
}

/** Whether a response key stands for an HTTP status: `404` for 404, `4XX` for any 4xx. @param {string} key @param {number} status */
export function keyCovers(key, status) {
  return key === String(status) || key.toUpperCase() === `${String(status)[0]}XX`;
}

/** The lower-cased names of a response's headers. @param {Json} response */
export function headerNames(response) {
  return isObject(response.headers) ? Object.keys(response.headers).map((name) => name.toLowerCase()) : [];
}

/**
 * Follows a local `$ref` (`#/components/…`) in the document; anything else is returned as it is.
 * @param {Json} doc @param {unknown} node @returns {{ node: unknown, path: JsonPath | undefined }}
 */
export function followRef(doc, node) {
  /** @type {JsonPath | undefined} */
  let path;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/"); hops++) {
    path = node.$ref
      .slice(2)
      .split("/")
      .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    /** @type {unknown} */
    let target = doc;
    for (const key of path) target = isObject(target) ? target[key] : undefined;
    node = target;
  }
  return { node, path };
}

/**
 * A schema with its `allOf` members merged: properties, required and type (3.1 type arrays kept as arrays).
 * @param {unknown} schema @param {number} [depth] @returns {{ properties: Json, required: string[], types: string[] }}
 */
export function flattenSchema(schema, depth = 0) {
  /** @type {{ properties: Json, required: string[], types: string[] }} */
  const flat = { properties: {}, required: [], types: [] };
  if (!isObject(schema) || depth > 8) return flat;
  if (isObject(schema.properties)) Object.assign(flat.properties, schema.properties);
  if (Array.isArray(schema.required)) flat.required.push(...schema.required.filter((r) => typeof r === "string"));
  flat.types.push(...typesOf(schema));
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const inner = flattenSchema(member, depth + 1);
      for (const [name, value] of Object.entries(inner.properties)) if (!(name in flat.properties)) flat.properties[name] = value;
      flat.required.push(...inner.required);
      flat.types.push(...inner.types);
    }
  }
  return flat;
}

/** The types a schema allows: `type: string` → ["string"], `type: [string, "null"]` → both. @param {unknown} schema @returns {string[]} */
export function typesOf(schema) {
  if (!isObject(schema)) return [];
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t) => typeof t === "string");
  if (Array.isArray(schema.allOf)) return schema.allOf.flatMap(typesOf);
  return [];
}

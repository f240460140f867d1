// @ts-check
/**
 * JSON pointers and local `$ref`s (RFC 6901 in a URI fragment: `#/paths/~1things/get`, with
 * `%7B` for `{`). Decoding and encoding are @stoplight/json's, the library Spectral resolves with,
 * so that the toolkit and the ruleset read a pointer the same way.
 */
import { decodePointerFragment, pathToPointer, pointerToPath } from "@stoplight/json";
import { isObject } from "./json.js";

/** @typedef {import("./json.js").Json} Json */
/** @typedef {import("./json.js").JsonPath} JsonPath */

/** How many `$ref`s in a row `followRef` follows before giving up (a loop). */
const MAX_HOPS = 16;

/**
 * `$ref`s decoded (`null`: malformed), each once: a spec repeats a few hundred of them thousands of
 * times (a shared response in every operation), and the rules follow each where they read it. At
 * 5,000 operations, decoding was about a second of lint.
 * @type {Map<string, string[] | null>}
 */
const decodedRefs = new Map();
const MAX_DECODED_REFS = 10_000;

/**
 * The path a local `$ref` points at (`#/components/schemas/A%20B` → components, schemas, A B);
 * `undefined` for a reference to another file or a malformed pointer.
 * @param {string} ref @returns {string[] | undefined}
 */
export function pathOfRef(ref) {
  if (ref !== "#" && !ref.startsWith("#/")) return undefined;
  let path = decodedRefs.get(ref);
  if (path === undefined) {
    try {
      path = pointerToPath(ref).map(String);
    } catch {
      path = null;
    }
    if (decodedRefs.size >= MAX_DECODED_REFS) decodedRefs.clear();
    decodedRefs.set(ref, path);
  }
  return path === null ? undefined : [...path];
}

/** A plain JSON pointer, not in a URI (`/error/innerError/code`, as Ajv reports): its path. @param {string} pointer */
export function pathOfPointer(pointer) {
  return pointer === "" ? [] : pointer.split("/").slice(1).map(decodePointerFragment);
}

/** The local `$ref` of a path: components, schemas, A B → `#/components/schemas/A%20B`. @param {JsonPath} path */
export function refOf(path) {
  return pathToPointer(path.map(String));
}

/**
 * The value at a path of a document; `undefined` where the path leaves it.
 * @param {unknown} doc @param {JsonPath} path
 */
export function valueAt(doc, path) {
  /** @type {unknown} */
  let node = doc;
  for (const key of path) {
    if (isObject(node)) node = node[key];
    else if (Array.isArray(node) && /^\d+$/.test(String(key)))
      node = node[Number(key)]; // a pointer's "0" too
    else return undefined;
  }
  return node;
}

/**
 * Sets the value at a path, making the objects on the way that are missing.
 * @param {Json} doc @param {JsonPath} path @param {unknown} value
 */
export function setValueAt(doc, path, value) {
  const last = path.at(-1);
  if (last === undefined) throw new Error("setValueAt: the path is empty");
  let node = doc;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (isObject(next)) node = next;
    else {
      /** @type {Json} */
      const made = {};
      node[key] = made;
      node = made;
    }
  }
  node[last] = value;
}

/**
 * Follows local `$ref`s (`#/…`) from a node to what they point at, with that target's path;
 * anything else comes back as it is, with no path. A reference to another file is not followed.
 * @param {unknown} doc @param {unknown} node @returns {{ node: unknown, path: JsonPath | undefined }}
 */
export function followRef(doc, node) {
  /** @type {JsonPath | undefined} */
  let path;
  for (let hops = 0; hops < MAX_HOPS && isObject(node) && typeof node.$ref === "string"; hops++) {
    const target = node.$ref.startsWith("#/") ? pathOfRef(node.$ref) : undefined;
    if (!target) break;
    path = target;
    node = valueAt(doc, target);
  }
  return { node, path };
}

/** Per document: each local `$ref` → whether what it points at reaches a loop of `$ref`s. @type {WeakMap<object, Map<string, boolean>>} */
const loops = new WeakMap();
/** Members of a schema whose values are data, not schemas: a `$ref` there refers to nothing. */
export const SCHEMA_DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);
/** Members of a schema whose keys are names (`properties: { default: … }`), each value a schema. */
const NAMED = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]);

/**
 * Whether a schema, with every local `$ref` inside it followed, reaches a `$ref` that leads back to
 * itself (a recursive schema: an `innerError` that is an inner error). Spectral's resolver leaves
 * such a `$ref` in place, and spectral:oas's example rules then check no example of that schema.
 * What examples, defaults, `const`s, `enum`s and extensions (`x-…`) hold is data, not followed; nor is
 * a reference to another file. The answer for each `$ref` is kept per document.
 * @param {unknown} doc @param {unknown} node @returns {boolean}
 */
export function refersToItself(doc, node) {
  const known = isObject(doc) ? (loops.get(doc) ?? loops.set(doc, new Map()).get(doc)) : undefined;
  /** The `$ref`s being followed, outermost first. */
  const following = new Set();
  /** @param {unknown} value @param {boolean} [named] its keys are names, not keywords @returns {boolean} */
  const reaches = (value, named = false) => {
    if (typeof value !== "object" || value === null) return false;
    const ref = named ? undefined : /** @type {{ $ref?: unknown }} */ (value).$ref;
    const target = typeof ref === "string" ? pathOfRef(ref) : undefined;
    if (typeof ref !== "string" || !target)
      return Object.entries(value).some(([key, member]) =>
        named
          ? reaches(member)
          : !SCHEMA_DATA_KEYS.has(key) && !key.startsWith("x-") && reaches(member, NAMED.has(key)),
      );
    if (following.has(ref)) return true;
    let found = known?.get(ref);
    if (found === undefined) {
      following.add(ref);
      found = reaches(valueAt(doc, target));
      following.delete(ref);
      known?.set(ref, found);
    }
    return found;
  };
  return reaches(node);
}

/** What a node is, `$ref`s followed. @param {unknown} doc @param {unknown} node */
export function resolveRef(doc, node) {
  return followRef(doc, node).node;
}

/**
 * The component a path is in: components, schemas, Error, properties → `{ kind: "schemas", name: "Error" }`;
 * `undefined` outside `components`.
 * @param {JsonPath} path @returns {{ kind: string, name: string } | undefined}
 */
export function componentAt(path) {
  if (path[0] !== "components" || path.length < 3) return undefined;
  return { kind: String(path[1]), name: String(path[2]) };
}

/** The component a node's local `$ref` names (`#/components/responses/Sales404`). @param {unknown} node */
export function componentOf(node) {
  const path = isObject(node) && typeof node.$ref === "string" ? pathOfRef(node.$ref) : undefined;
  return path ? componentAt(path) : undefined;
}

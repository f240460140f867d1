// @ts-check
/**
 * A first check of an example against its schema with the `$ref`s kept: each `components.schemas`
 * entry is compiled once, by Spectral's own Ajv (`spectral-ajv.js`), and shared by every schema that
 * refers to it, where `oasSchema` compiles each schema with its `$ref`s inlined (as Spectral's resolver
 * leaves them). It answers `true` when `oasSchema` certainly reports nothing; Ajv's errors when it fails
 * as the inlined schema would, with the same errors (the caller has Spectral make its messages of them,
 * `spectralResults`); `false` (cannot be told exactly) sends the caller to `oasSchema`. A schema that
 * refers to itself fails with `false`: Spectral's resolver leaves such a `$ref` in place, and
 * `oasSchema` then reports nothing.
 *
 * Why a pass here is a pass there: the same Ajv class, options and formats; the same schema parts
 * (the resolver puts the target where a `$ref` is and drops the `$ref`'s siblings: so does the copy
 * here); each part valid against the meta-schema, as Ajv checks before it
 * compiles the inlined whole. A schema is not checked here (the caller's slow path decides) when it
 * or a component it reaches has what the two forms would treat differently: an `id`/`$id`/`$schema`/
 * anchors/dynamic or recursive refs/`unevaluated*` (base URIs, what "evaluated" crosses), a `$ref`
 * outside `#/components/schemas/`, `readOnly`/`writeOnly` where the place makes `oasSchema`'s
 * preparation relax `required` (which it does except below a `not`), or a schema invalid against the
 * meta-schema (then `oasSchema` reports that).
 *
 * `sharedRefValidation` is over 60 lines because it is one closure over one document's shared
 * components: their flags, what each schema reaches, the compile cache and the check read the same state.
 */
import traverse from "json-schema-traverse";
import { componentOf, isObject, refersToItself, refOf, resolveRef, valueAt } from "../../src/openapi/index.js";
import { spectralAjv } from "./spectral-ajv.js";

/** @typedef {(string | number)[]} Path */
/** @typedef {{ unsupported: boolean, readOnly: boolean, writeOnly: boolean, refs: Set<string> }} Flags */

/** Keywords Ajv does not validate with, dropped from the shared copy (where they are schema keywords). */
const ANNOTATIONS = ["example", "examples", "description", "title", "externalDocs", "xml", "discriminator"];
/** What the two forms would not treat alike. */
const UNSUPPORTED = [
  "id",
  "$id",
  "$schema",
  "$anchor",
  "$dynamicAnchor",
  "$dynamicRef",
  "$recursiveAnchor",
  "$recursiveRef",
  "unevaluatedProperties",
  "unevaluatedItems",
];
const SHARED = "ec:shared";

/**
 * A copy of a schema without annotations (or the root's own `example` and `default`), and without what
 * stands beside a `$ref`: Spectral's resolver drops it, and Ajv would apply it (stricter inside, but looser
 * below a `not` or in a `oneOf`). @param {unknown} schema
 */
function strippedCopy(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  if (isObject(copy)) for (const key of ["example", "default"]) delete copy[key];
  traverse(copy, {}, (fragment) => {
    const ref = "$ref" in fragment;
    for (const key of Object.keys(fragment))
      if ((ref && key !== "$ref") || ANNOTATIONS.includes(key) || key.startsWith("x-")) delete fragment[key];
  });
  return copy;
}

/** What a stripped schema holds: the components it names, and what sends it to the slow path. */
function flagsOf(/** @type {any} */ schema) {
  /** @type {Flags} */
  const flags = { unsupported: false, readOnly: false, writeOnly: false, refs: new Set() };
  traverse(schema, { allKeys: true }, (fragment) => {
    if (UNSUPPORTED.some((key) => key in fragment)) flags.unsupported = true;
    if (fragment.readOnly === true) flags.readOnly = true;
    if (fragment.writeOnly === true) flags.writeOnly = true;
    if (!("$ref" in fragment)) return;
    const component = componentOf(fragment);
    if (component?.kind !== "schemas") flags.unsupported = true;
    else flags.refs.add(component.name);
  });
  return flags;
}

/**
 * Adds what `flags` hold to `all`: unsupported, readOnly or writeOnly anywhere, valid everywhere.
 * @param {Omit<Flags, "refs"> & { valid: boolean }} all @param {Omit<Flags, "refs"> & { valid: boolean }} flags
 */
function absorb(all, flags) {
  all.unsupported ||= flags.unsupported;
  all.readOnly ||= flags.readOnly;
  all.writeOnly ||= flags.writeOnly;
  all.valid &&= flags.valid;
}

/**
 * The first check for one document, or `undefined` where Spectral's Ajv cannot be rebuilt exactly.
 * @param {import("@stoplight/spectral-core").RulesetFunctionContext["document"]} document
 * @returns {((schemaAt: Path, place: string, value: unknown) => true | false | import("ajv").ErrorObject[]) | undefined}
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one closure, the schemas' flags and the validators compiled for them share it
export function sharedRefValidation(document) {
  const ajv = spectralAjv(document);
  const doc = document.data;
  const raw = isObject(doc) && isObject(doc.components) ? doc.components.schemas : undefined;
  if (!ajv || !isObject(raw)) return undefined;
  /** @type {Record<string, unknown>} the shared copies, added as schemas reach them (Ajv reads the object as it is) */
  const schemas = {};
  /** @type {unknown[]} */
  const roots = [];
  ajv.addSchema({ components: { schemas }, roots }, SHARED);
  /** @type {Map<unknown, string>} each component of `components.schemas` → its name */
  const componentNames = new Map(Object.entries(raw).map(([name, schema]) => [schema, name]));
  /** @type {Map<string, Flags & { valid: boolean }>} */
  const own = new Map();
  /** A component's own flags; its stripped copy shared from then on, unless it is unsupported. @param {string} name */
  const ownFlags = (name) => {
    const known = own.get(name);
    if (known || !Object.hasOwn(raw, name)) return known;
    const schema = raw[name];
    const copy = strippedCopy(schema);
    const flags = { ...flagsOf(copy), valid: isObject(schema) && ajv.validateSchema(schema) === true };
    own.set(name, flags);
    if (!flags.unsupported) schemas[name] = copy;
    return flags;
  };

  /** @type {Map<string, Flags & { valid: boolean }>} */
  const reached = new Map();
  /** Everything a component reaches, its own flags included. @param {string} name */
  const closure = (name) => {
    const known = reached.get(name);
    if (known) return known;
    const all = { unsupported: false, readOnly: false, writeOnly: false, valid: true, refs: new Set([name]) };
    for (const next of all.refs) {
      const flags = ownFlags(next);
      if (!flags) {
        all.unsupported = true;
        break;
      }
      absorb(all, flags);
      for (const ref of flags.refs) all.refs.add(ref);
    }
    reached.set(name, all);
    return all;
  };

  /** What a schema's refs reach, its own flags and meta-schema check added. @param {Flags} flags @param {boolean} valid */
  const reach = (flags, valid) => {
    const all = { ...flags, valid };
    for (const name of flags.refs) absorb(all, closure(name));
    return all;
  };
  /** @typedef {{ validate: import("ajv").ValidateFunction, readOnly: boolean, writeOnly: boolean, loops: boolean } | null} Entry */
  /** @type {Map<string, Entry>} by the stripped schema's text: schemas written alike compile once */
  const byText = new Map();
  /** @param {Record<string, unknown>} node @returns {Entry} */
  const compile = (node) => {
    if (ajv.validateSchema(withoutOwnExamples(node)) !== true) return null;
    const copy = strippedCopy(node);
    const text = JSON.stringify(copy);
    const known = byText.get(text);
    if (known !== undefined) return known;
    const flags = reach(flagsOf(copy), true);
    /** @type {Entry} */
    let entry = null;
    if (!flags.unsupported && flags.valid) {
      try {
        // A component that is the schema itself: a root that refers to it, so that it is compiled once,
        // through the same cache as every other schema's reference to it.
        const name = componentNames.get(node);
        const shared = name !== undefined && ownFlags(name) && Object.hasOwn(schemas, name);
        const root = shared ? { $ref: refOf(["components", "schemas", name]) } : copy;
        const validate = ajv.getSchema(`${SHARED}#/roots/${roots.push(root) - 1}`);
        const loops = refersToItself(doc, node);
        if (validate) entry = { validate, readOnly: flags.readOnly, writeOnly: flags.writeOnly, loops };
      } catch {
        // Ajv cannot compile it (a pattern, a missing ref…): the slow path says what.
      }
    }
    byText.set(text, entry);
    return entry;
  };
  /** @type {WeakMap<object, Entry>} */
  const byNode = new WeakMap();

  return (schemaAt, place, value) => {
    if (value === undefined) return false;
    const node = rawAt(doc, schemaAt);
    if (!isObject(node) || "$ref" in node) return false;
    let entry = byNode.get(node);
    if (entry === undefined) {
      entry = compile(node);
      byNode.set(node, entry);
    }
    if (!entry || (place === "request" && entry.readOnly) || (place === "response" && entry.writeOnly)) return false;
    if (entry.validate(value)) return true;
    return !entry.loops && entry.validate.errors ? [...entry.validate.errors] : false;
  };
}

/** A schema as the caller hands it to `oasSchema` (its own `example` and `default` aside), for the meta-schema check. @param {Record<string, unknown>} node */
function withoutOwnExamples(node) {
  const { example: _example, default: _default, ...rest } = node;
  return rest;
}

/** The raw (unresolved) node at a path of the resolved document, each `$ref` on the way followed. @param {unknown} doc @param {Path} at */
function rawAt(doc, at) {
  /** @type {unknown} */
  let node = doc;
  for (const key of at) node = resolveRef(doc, valueAt(node, [key]));
  return node;
}

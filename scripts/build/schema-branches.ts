import { isObject, type Json, SCHEMA_DATA_KEYS } from "../../src/openapi/index.js";

/**
 * The one schema shape openapi-typescript cannot type, rewritten into one it can, for the types step
 * only (the bundle, the docs and the ruleset keep the schema as written).
 *
 * JSON Schema says "at least one of these members" as `anyOf` (or `oneOf`) of branches that only
 * list `required` names, beside the schema's `properties`. openapi-typescript turns each such branch
 * into `unknown`, so the whole type becomes `{…} | unknown` and any body compiles (openapi-ts/
 * openapi-typescript#1441). Its `transform` hook cannot help: it is called for the schema's own
 * `type`, and the branches are still added to what it returns; `postTransform` gets the finished
 * type without the schema of nested nodes. So, as its maintainers advise there, the schema is
 * rewritten before it is typed: each branch carries the properties (and what else types an object),
 * requiring the schema's own names and its own.
 */

/** What a branch may hold besides `required` and still be one that only says which members are required. */
const annotations = new Set(["required", "title", "description"]);
/** What types an object: moved from the schema into each branch. */
const objectKeywords = ["type", "properties", "required", "additionalProperties", "patternProperties"];

const onlyRequires = (branch: unknown): branch is Json =>
  isObject(branch) &&
  Array.isArray(branch.required) &&
  Object.keys(branch).every((key) => annotations.has(key) || key.startsWith("x-"));

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];

/** One schema rewritten when its `anyOf` or `oneOf` only lists required members; else undefined. */
function withTypedBranches(schema: Json): Json | undefined {
  if (!isObject(schema.properties) || "allOf" in schema) return undefined;
  const unions = (["anyOf", "oneOf"] as const).filter((key) => key in schema);
  const union = unions.length === 1 ? unions[0]! : undefined;
  const branches = union ? schema[union] : undefined;
  if (!union || !Array.isArray(branches) || branches.length === 0 || !branches.every(onlyRequires)) return undefined;
  const shared = Object.fromEntries(objectKeywords.filter((key) => key in schema).map((key) => [key, schema[key]]));
  const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => !objectKeywords.includes(key)));
  const typed = branches.map((branch) => ({
    ...branch,
    ...shared,
    required: [...new Set([...names(schema.required), ...names(branch.required)])],
  }));
  return { ...rest, [union]: typed };
}

/**
 * A copy of `doc` in which every schema whose `anyOf`/`oneOf` branches only list required members
 * has its properties in each branch. Unchanged parts are shared with `doc`, which is not modified.
 */
export function typedBranches<T>(doc: T): T {
  const done = new Map<object, unknown>();
  const visit = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    const known = done.get(node);
    if (known !== undefined) return known;
    done.set(node, node); // a node met again while it is rewritten (a YAML alias) is left as it is
    let changed = false;
    const copy: unknown[] | Json = Array.isArray(node) ? [...node] : { ...(node as Json) };
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(node) && SCHEMA_DATA_KEYS.has(key)) continue;
      const next = visit(value);
      if (next !== value) {
        (copy as Record<string, unknown>)[key] = next;
        changed = true;
      }
    }
    const result = (isObject(copy) && withTypedBranches(copy)) || (changed ? copy : node);
    done.set(node, result);
    return result;
  };
  return visit(doc) as T;
}

/**
 * What a schema allows, whatever its spelling: the diff compares these, never the YAML. OpenAPI
 * 3.0's `nullable`, 3.1's `type` arrays and `null` branches, `allOf` merged, a `oneOf`/`anyOf` of
 * one real branch, `$ref` against the schema it names all come out the same.
 */
import {
  arrayAt,
  componentAt,
  followRef,
  isObject,
  type Json,
  type JsonPath,
  typesOf,
} from "../../src/openapi/index.js";

/** A member of an object schema, with where it is declared and the named schema that declares it. */
export interface Member {
  schema: unknown;
  path: JsonPath;
  /** The component (`Problem`) whose `properties` hold it, when it came from one through `$ref` or `allOf`. */
  owner: string | undefined;
}

export interface Meaning {
  /** The JSON types allowed besides null (`integer` apart from `number`); `undefined`: any. */
  types: Set<string> | undefined;
  /** Whether null is allowed (always, when `types` is `undefined`). */
  nullable: boolean;
  properties: Map<string, Member>;
  required: Set<string>;
  /** An array's items, where it says. */
  items: Member | undefined;
  /** The branches of a `oneOf`/`anyOf` with more than one that is not null. */
  branches: { keyword: "oneOf" | "anyOf"; list: Meaning[] } | undefined;
  /** Where the schema is, `$ref` followed. */
  path: JsonPath;
  /** The schema component it is, if any. */
  component: string | undefined;
}

/** How deep `allOf`/`oneOf`/`anyOf` and `$ref`s are followed (a recursive schema stops here). */
const MAX_DEPTH = 16;

const any = (path: JsonPath, component?: string): Meaning => ({
  types: undefined,
  nullable: true,
  properties: new Map(),
  required: new Set(),
  items: undefined,
  branches: undefined,
  path,
  component,
});

/** Whether a type is among the allowed ones (an integer is a number). */
export const covers = (types: Set<string>, type: string) =>
  types.has(type) || (type === "integer" && types.has("number"));

/** `string|null`, `any`: the types a meaning allows, as the diff writes them. */
export function typeText(meaning: Meaning): string {
  if (!meaning.types) return "any";
  const names = [...meaning.types].sort();
  if (meaning.nullable) names.push("null");
  return names.join("|") || "nothing";
}

/** A schema that only allows null: `type: 'null'`, `enum: [null]`, `const: null`. */
const onlyNull = (m: Meaning) => m.types?.size === 0 && m.nullable;

/** Both at once (`allOf`): the types both allow, the members of both. */
function intersect(a: Meaning, b: Meaning): Meaning {
  let types = a.types ?? b.types;
  if (a.types && b.types) {
    types = new Set([...a.types].filter((t) => covers(b.types!, t)));
    for (const t of b.types) if (covers(a.types, t)) types.add(t);
  }
  const properties = new Map(a.properties);
  for (const [name, member] of b.properties) if (!properties.has(name)) properties.set(name, member);
  return {
    ...a,
    types,
    nullable: a.nullable && b.nullable,
    properties,
    required: new Set([...a.required, ...b.required]),
    items: a.items ?? b.items,
    branches: a.branches ?? b.branches,
  };
}

/**
 * The meaning of a schema in a bundled document (`path`: where `schema` is). `expanding`: the
 * `$ref`s being read on the way here; a schema that reaches itself again through `allOf`/`oneOf`/
 * `anyOf` means "any" there (mutually recursive unions would otherwise grow without end).
 */
export function meaningOf(
  doc: Json,
  schema: unknown,
  path: JsonPath,
  owner?: string,
  depth = 0,
  expanding: ReadonlySet<string> = new Set(),
): Meaning {
  const { node, path: target } = followRef(doc, schema);
  const at = target ?? path;
  const named = target?.length === 3 ? componentAt(target) : undefined;
  const component = named?.kind === "schemas" ? named.name : undefined;
  const holder = component ?? owner;
  const key = target?.join("/");
  if (!isObject(node) || depth > MAX_DEPTH || (key !== undefined && expanding.has(key))) return any(at, component);
  const inner = key === undefined ? expanding : new Set([...expanding, key]);

  const declared = typesOf(node);
  const enumNull = arrayAt(node, "enum").includes(null) || ("const" in node && node.const === null);
  let meaning: Meaning = {
    ...any(at, component),
    types: declared.length > 0 ? new Set(declared.filter((t) => t !== "null")) : undefined,
    nullable: declared.length === 0 || declared.includes("null") || enumNull,
  };
  if (declared.length === 0 && (Array.isArray(node.enum) || "const" in node)) {
    const values = "const" in node ? [node.const] : arrayAt(node, "enum");
    meaning.types = new Set(values.filter((v) => v !== null).map(jsonType));
    meaning.nullable = enumNull;
  }
  for (const [name, member] of Object.entries(isObject(node.properties) ? node.properties : {}))
    meaning.properties.set(name, { schema: member, path: [...at, "properties", name], owner: holder });
  for (const name of arrayAt(node, "required")) if (typeof name === "string") meaning.required.add(name);
  if ("items" in node) meaning.items = { schema: node.items, path: [...at, "items"], owner: holder };
  if (!meaning.types && (meaning.properties.size > 0 || meaning.required.size > 0)) {
    meaning.types = new Set(["object"]);
    meaning.nullable = false;
  } else if (!meaning.types && meaning.items) {
    meaning.types = new Set(["array"]);
    meaning.nullable = false;
  }

  arrayAt(node, "allOf").forEach((member, i) => {
    meaning = intersect(meaning, meaningOf(doc, member, [...at, "allOf", i], holder, depth + 1, inner));
  });
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const list = arrayAt(node, keyword).map((member, i) =>
      meaningOf(doc, member, [...at, keyword, i], holder, depth + 1, inner),
    );
    if (list.length === 0) continue;
    meaning = intersect(meaning, union(keyword, list));
  }
  // 3.0: `nullable: true` beside `allOf: [$ref]` is how a nullable reference is written. 3.1 has no such keyword.
  if (node.nullable === true && String(doc.openapi ?? "").startsWith("3.0")) meaning.nullable = true;
  return { ...meaning, path: at, component };
}

/** One of (`oneOf`/`anyOf`): null branches fold into `nullable`; one real branch is that branch. */
function union(keyword: "oneOf" | "anyOf", list: Meaning[]): Meaning {
  const real = list.filter((m) => !onlyNull(m));
  const nullable = list.some((m) => m.nullable);
  if (real.length === 1) return { ...real[0]!, nullable };
  const first = list[0]!;
  const typed = real.every((m) => m.types);
  return {
    ...any(first.path),
    types: typed ? new Set(real.flatMap((m) => [...m.types!])) : undefined,
    nullable: typed ? nullable : true,
    branches: { keyword, list: real },
  };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value === "object" ? "object" : typeof value;
}

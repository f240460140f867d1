import {
  arrayAt,
  flattenSchema,
  followRef,
  isObject,
  type Json,
  LIMIT_KEYWORDS,
  typesOf,
} from "../../src/openapi/index.js";
import type { Random } from "./random.js";

/** How deep a generated value goes. */
const MAX_DEPTH = 8;

/** A value of the string formats the contracts use, else undefined. */
function formatted(format: unknown, random: Random): string | undefined {
  switch (format) {
    case "uuid":
      return random.uuid();
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "uri":
    case "uri-reference":
    case "url":
      return "https://example.com/error-contracts";
    case "email":
      return "check@example.com";
    default:
      return undefined;
  }
}

/** Required members of an object schema, with those of its first `anyOf`/`oneOf` branch ("at least one of"). */
export function requiredOf(doc: unknown, schema: Json): string[] {
  const flat = flattenSchema(schema, doc);
  const branch = followRef(doc, [...arrayAt(schema, "anyOf"), ...arrayAt(schema, "oneOf")][0]).node;
  return [...new Set([...flat.required, ...arrayAt(branch, "required").filter((r) => typeof r === "string")])];
}

/**
 * A small value a schema admits: an object's required members, the first `enum` member, a
 * string of a known format or of `minLength` characters, a number within its bounds. It may
 * still miss (a `pattern`): callers check it with Ajv before sending it as valid.
 */
export function validValue(doc: unknown, raw: unknown, random: Random, depth = 0): unknown {
  const schema = followRef(doc, raw).node;
  if (!isObject(schema) || depth > MAX_DEPTH) return {};
  if ("const" in schema) return schema.const;
  const choices = arrayAt(schema, "enum");
  if (choices.length > 0) return choices[0];
  const flat = flattenSchema(schema, doc);
  const types = flat.types.length > 0 ? flat.types : typesOf(schema);
  const type = types.find((t) => t !== "null") ?? (isObject(schema.properties) ? "object" : "string");
  switch (type) {
    case "object":
      return Object.fromEntries(
        requiredOf(doc, schema).map((name) => [name, validValue(doc, flat.properties[name], random, depth + 1)]),
      );
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () => validValue(doc, schema.items, random, depth + 1));
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    default: {
      const text = formatted(schema.format, random) ?? `ec${random.hex(8)}`;
      const min = typeof schema.minLength === "number" ? schema.minLength : 0;
      const max = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
      return text.padEnd(min, "x").slice(0, Math.max(min, Math.min(max, text.length)));
    }
  }
}

/** One way to break one constraint: what it breaks, and the value that breaks it. */
export interface Violation {
  constraint: string;
  value: unknown;
}

/**
 * The constraints whose breach gets the `x-error-code` a schema names: the model's limits, and a
 * `format` the value does not have (which the ruleset asks no code for, docs/extensions.md); a wrong
 * type or a value outside an `enum` gets no code of its own.
 */
export const LIMITS = new Set<string>([...LIMIT_KEYWORDS, "format"]);

/** A string that does not match a pattern, if one of a few does not. */
function patternMiss(pattern: string): string | undefined {
  try {
    const regex = new RegExp(pattern, "u");
    return ["!", "~ec~", "", " "].find((candidate) => !regex.test(candidate));
  } catch {
    return undefined;
  }
}

/**
 * One minimal violation per constraint a schema states (type, bounds, lengths, `enum`, `pattern`,
 * format, item and property counts), each alone. `asText`: the value travels as text (a query,
 * path or header value), so a string cannot be of the wrong type.
 */
export function violationsOf(doc: unknown, raw: unknown, random: Random, asText: boolean): Violation[] {
  const schema = followRef(doc, raw).node;
  if (!isObject(schema)) return [];
  const types = typesOf(schema);
  const found: Violation[] = [];
  const add = (constraint: string, value: unknown) => found.push({ constraint, value });
  if (types.includes("integer") || types.includes("number")) {
    if (!types.includes("string")) add("type", "ec-not-a-number");
    if (typeof schema.minimum === "number") add("minimum", schema.minimum - 1);
    if (typeof schema.maximum === "number") add("maximum", schema.maximum + 1);
    if (typeof schema.exclusiveMinimum === "number") add("exclusiveMinimum", schema.exclusiveMinimum);
    if (typeof schema.exclusiveMaximum === "number") add("exclusiveMaximum", schema.exclusiveMaximum);
  } else if (types.includes("string") || "maxLength" in schema || "pattern" in schema || "format" in schema) {
    if (!asText && !types.includes("number") && !types.includes("integer")) add("type", 12345);
    if (typeof schema.maxLength === "number") add("maxLength", "x".repeat(schema.maxLength + 1));
    if (typeof schema.minLength === "number" && schema.minLength > 0) add("minLength", "");
    if (typeof schema.pattern === "string") {
      const miss = patternMiss(schema.pattern);
      if (miss !== undefined) add("pattern", miss);
    }
    if (typeof schema.format === "string" && formatted(schema.format, random) !== undefined)
      add("format", `ec-not-a-${schema.format}`);
  } else if (types.includes("array")) {
    if (!asText) add("type", "ec-not-an-array");
    if (typeof schema.maxItems === "number")
      add(
        "maxItems",
        Array.from({ length: schema.maxItems + 1 }, () => validValue(doc, schema.items, random)),
      );
  } else if (types.includes("object")) {
    if (!asText) add("type", "ec-not-an-object");
    if (typeof schema.maxProperties === "number")
      add(
        "maxProperties",
        Object.fromEntries(Array.from({ length: schema.maxProperties + 1 }, (_, i) => [`k${i}`, "v"])),
      );
  }
  if (arrayAt(schema, "enum").length > 0) add("enum", `ec-not-in-enum-${random.hex(4)}`);
  return found;
}

/** A value as it travels in a path, query or header: a string as is, anything else as JSON. */
export const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

import type { Catalog } from "../core/catalog-format.js";
import { isMethod } from "../../src/openapi/index.js";
import { entries, isObject, type Json, type JsonPath } from "./json.js";

/** One reader-facing text, under a stable key derived from the contracts. */
export interface Prose {
  /** `apis.messaging.info.description`, `examples.Messaging30011.description`, … */
  key: string;
  /** Where the text sits in the bundled API (none for texts that are not in a bundle). */
  path?: JsonPath;
  /** The English text: what the contracts say today. */
  en: string;
}

/** Fields whose string value readers read. */
const proseFields = new Set(["title", "summary", "description"]);
/** Fields that hold wire data (example bodies, defaults, enum values): never translated. */
export const dataFields = new Set(["value", "example", "examples", "default", "enum", "const", "externalValue"]);
/** Fields whose keys are names (properties, headers, media types, statuses), not OpenAPI fields. */
const namedMaps = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "headers",
  "content",
  "responses",
  "variables",
  "encoding",
  "links",
  "callbacks",
]);

function walk(node: unknown, at: JsonPath, key: string[], out: Prose[], named = false): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) walk(item, [...at, index], [...key, String(index)], out);
    return;
  }
  for (const [name, value] of entries(node)) {
    const here = [...at, name];
    const keyHere = [...key, name];
    if (named) walk(value, here, keyHere, out);
    else if (name.startsWith("x-") || name === "$ref") continue;
    else if (proseFields.has(name) && typeof value === "string") {
      if (value.trim() !== "") out.push({ key: keyHere.join("."), path: here, en: value });
    } else if (name === "examples" && isObject(value))
      walk(value, here, keyHere, out, true); // Example Objects by name
    else if (!dataFields.has(name)) walk(value, here, keyHere, out, namedMaps.has(name));
  }
}

/**
 * Every reader-facing text of one bundled API (titles, summaries, descriptions), keyed by a
 * stable id: `apis.<api>.info.description`, `apis.<api>.tags.<tag>.description`,
 * `apis.<api>.operations.<operationId>.summary`, and `<kind>.<Component>.<path>` for a component
 * that has its own file under components/ (`schemas.SalesError.properties.errorCode.description`),
 * `apis.<api>.<kind>.<Component>.<path>` for one defined in the API root.
 * Example values, defaults, enum values, property names and `x-` extensions are wire data: not prose.
 */
export function proseOf(apiId: string, doc: Json, isSharedComponent: (name: string) => boolean): Prose[] {
  const out: Prose[] = [];
  const api = ["apis", apiId];
  for (const [name, value] of Object.entries(doc)) {
    if (name === "paths" || name === "webhooks") {
      for (const [route, item] of entries(value)) {
        for (const [field, operation] of entries(item)) {
          if (isMethod(field) && isObject(operation)) {
            const id =
              typeof operation.operationId === "string" ? operation.operationId : `${field.toUpperCase()} ${route}`;
            walk(operation, [name, route, field], [...api, "operations", id], out);
          } else {
            walk({ [field]: operation }, [name, route], [...api, name, route], out);
          }
        }
      }
    } else if (name === "components") {
      for (const [kind, group] of entries(value)) {
        for (const [component, node] of entries(group)) {
          const key = isSharedComponent(component) ? [kind, component] : [...api, kind, component];
          walk(node, ["components", kind, component], key, out);
        }
      }
    } else if (name === "tags" && Array.isArray(value)) {
      value.forEach((tag, index) => {
        if (!isObject(tag) || typeof tag.name !== "string") return;
        // A tag's name is its id (Redoc's links use it); readers see its `x-displayName`.
        const displayName = typeof tag["x-displayName"] === "string" ? tag["x-displayName"] : tag.name;
        const key = [...api, "tags", tag.name, "name"].join(".");
        out.push({ key, path: ["tags", index, "x-displayName"], en: displayName });
        walk(tag, ["tags", index], [...api, "tags", tag.name], out);
      });
    } else {
      walk({ [name]: value }, [], api, out);
    }
  }
  return out;
}

/** The catalog's messages, as readers see them on the landing page: `examples.<Example>.message`. */
export function catalogProse(catalog: Catalog): Prose[] {
  return catalog.families.flatMap((family) =>
    family.errors.map((error) => ({ key: `examples.${error.example}.message`, en: error.message })),
  );
}

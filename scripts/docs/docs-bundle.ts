import type { Catalog } from "../core/catalog-format.js";
import type { Json } from "./json.js";
import { proseOf } from "./prose.js";
import { inertMarkdown } from "./sanitize.js";

/**
 * The copy of a bundled API that Redoc renders: each catalog example's label starts with its
 * code (`30011 · Message text too long`, in the response's example list), and every text Redoc
 * renders as Markdown is inert (no raw HTML, no script links). The bundle itself is untouched.
 */
export function docsBundle(apiId: string, doc: Json, catalog: Catalog): Json {
  const copy = structuredClone(doc);
  for (const field of proseOf(apiId, copy, () => true)) {
    // Redoc renders descriptions and the API's summary as Markdown; other titles and summaries as text.
    const markdown = field.path?.at(-1) === "description" || field.path?.join("/") === "info/summary";
    if (!field.path || !markdown) continue;
    let node: unknown = copy;
    for (const step of field.path.slice(0, -1)) node = (node as Json)[step as string];
    (node as Json)[field.path.at(-1) as string] = inertMarkdown(field.en);
  }
  const examples = ((copy.components as Json | undefined)?.examples ?? {}) as Json;
  for (const family of catalog.families) {
    for (const error of family.errors) {
      const example = examples[error.example] as Json | undefined;
      if (!example) continue;
      const label = typeof example.summary === "string" ? example.summary : error.message;
      example.summary = `${error.code} · ${label}`;
    }
  }
  return copy;
}

import { entriesOf, isErrorKey, isObject, objectAt, operations, resolveRef } from "../../src/openapi/index.js";

/** One error response key as an API documents it, with the response's description. */
export interface DocumentedStatus {
  /** `404`, `4XX` (a range upper-cased) or `default`. */
  key: string;
  /** The description of the first response under that key, `$ref` followed. */
  meaning: string;
}

/** `400` … `499`, `4XX`, `500` … `599`, `5XX`, `default`. */
const order = (key: string) => (key === "default" ? 1000 : /XX$/.test(key) ? Number(key[0]) * 100 + 99.5 : Number(key));

/**
 * Every error status an API documents: each 4xx, 5xx, 4XX, 5XX and `default` response key across
 * its operations, whether or not a catalog gives it codes. The landing page and the build's
 * summary count these.
 */
export function documentedStatuses(doc: unknown): DocumentedStatus[] {
  const found = new Map<string, string>();
  for (const { operation } of operations(doc)) {
    for (const [written, response] of entriesOf(objectAt(operation, "responses"))) {
      const key = /^[45]xx$/i.test(written) ? written.toUpperCase() : written;
      if (!isErrorKey(written) || found.has(key)) continue;
      const resolved = resolveRef(doc, response);
      found.set(key, isObject(resolved) && typeof resolved.description === "string" ? resolved.description : "");
    }
  }
  return [...found].map(([key, meaning]) => ({ key, meaning })).sort((a, b) => order(a.key) - order(b.key));
}

/** The error statuses several APIs document, each counted once. */
export const errorStatusesOf = (docs: unknown[]): Set<string> =>
  new Set(docs.flatMap((doc) => documentedStatuses(doc).map((status) => status.key)));

// @ts-check
/** ec-catalog-unique-codes: each error code is defined by one catalog example only. */
import { catalogEntries } from "./lib/catalog.js";

/** @param {import("./lib/openapi.js").Json} doc */
export default function catalogUniqueCodes(doc) {
  /** @type {import("./lib/openapi.js").Result[]} */
  const results = [];
  /** @type {Map<string, string>} */
  const first = new Map();
  for (const entry of catalogEntries(doc)) {
    const code = entry.body?.code;
    if (typeof code !== "string" && typeof code !== "number") continue;
    const owner = first.get(String(code));
    if (owner === undefined) first.set(String(code), entry.name);
    else results.push({ message: `Code ${code} is already defined by example ${owner}: define each code once.`, path: [...entry.path, "value", ...(entry.body?.path ?? [])] });
  }
  return results;
}

// @ts-check
/** ec-catalog-unique-codes: each error code is defined by one catalog example only. */
import { isCode } from "../../src/openapi/index.js";
import { catalogOf, documentRule } from "../shared.js";

export default documentRule("ec-catalog-unique-codes", (doc) => {
  /** @type {import("../shared.js").Result[]} */
  const results = [];
  /** @type {Map<string, string>} */
  const first = new Map();
  for (const entry of catalogOf(doc)) {
    const code = entry.body?.code;
    if (!isCode(code)) continue;
    const owner = first.get(String(code));
    if (owner === undefined) {
      first.set(String(code), entry.name);
      continue;
    }
    const message = `Code ${code} is already defined by example ${owner}: define each code once.`;
    results.push({ message, path: [...entry.path, "value", ...(entry.body?.path ?? [])] });
  }
  return results;
});

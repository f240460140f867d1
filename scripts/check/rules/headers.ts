import { entriesOf, followRef, isObject, objectAt } from "../../../src/openapi/index.js";
import type { RuleInput } from "./rule.js";

/** A header the contract states for a response: its lower-cased name, whether it is required, its schema. */
export interface StatedHeader {
  name: string;
  required: boolean;
  schema?: unknown;
}

/**
 * The headers a response's contract states: those it lists (required when the header says so),
 * and, for an error status, the correlation header and the `Retry-After` its error shape requires.
 */
export function statedHeaders({ contract, documented, shape, exchange }: RuleInput): StatedHeader[] {
  const byName = new Map<string, StatedHeader>();
  for (const [name, raw] of entriesOf(objectAt(documented.response, "headers"))) {
    const header = followRef(contract.doc, raw).node;
    if (!isObject(header)) continue;
    byName.set(name.toLowerCase(), {
      name: name.toLowerCase(),
      required: header.required === true,
      schema: header.schema,
    });
  }
  const status = exchange.response.status;
  const required = (name: string) => {
    const known = byName.get(name);
    byName.set(name, { ...known, name, required: true });
  };
  if (status >= 400 && shape?.correlationHeader) required(shape.correlationHeader);
  if (shape?.retryAfter.includes(status)) required("retry-after");
  return [...byName.values()];
}

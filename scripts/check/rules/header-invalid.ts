import { resolveRef } from "../../../src/openapi/index.js";
import { wireValue } from "../schemas.js";
import { statedHeaders } from "./headers.js";
import type { Hit, Rule } from "./rule.js";

/** `Retry-After` as delta-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
const RETRY_AFTER =
  /^(?:\d+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

/** A header the contract states is present but does not match its schema (`Retry-After`: seconds or an HTTP-date). */
export const headerInvalid: Rule = {
  id: "header-invalid",
  level: "error",
  check(input): Hit[] {
    const sent = input.exchange.response.headers;
    return statedHeaders(input).flatMap((h) => {
      const value = sent[h.name];
      if (value === undefined) return [];
      if (h.name === "retry-after" && !RETRY_AFTER.test(value.trim()))
        return [
          { message: "Retry-After is neither delta-seconds nor an HTTP-date", evidence: `retry-after: ${value}` },
        ];
      const schema = resolveRef(input.contract.doc, h.schema);
      const why = schema === undefined ? "" : input.schemas.errors(schema, wireValue(schema, value));
      return why
        ? [{ message: `the ${h.name} header does not match its schema: ${why}`, evidence: `${h.name}: ${value}` }]
        : [];
    });
  },
};

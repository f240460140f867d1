import { statedHeaders } from "./headers.js";
import type { Hit, Rule } from "./rule.js";

/** A header the contract requires on this response (a required response header, the correlation id, `Retry-After`) is absent. */
export const headerMissing: Rule = {
  id: "header-missing",
  level: "error",
  check(input): Hit[] {
    const sent = input.exchange.response.headers;
    return statedHeaders(input)
      .filter((h) => h.required && sent[h.name] === undefined)
      .map((h) => ({
        message: `the ${h.name} header is missing; the contract requires it on ${input.documented.key}`,
        evidence: `headers: ${Object.keys(sent).join(", ")}`,
      }));
  },
};

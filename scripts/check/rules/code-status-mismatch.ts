import { codesIn } from "./codes.js";
import type { Hit, Rule } from "./rule.js";

/** A catalogued code (top level or inner) sent with a status that none of the catalog's examples carrying it has. */
export const codeStatusMismatch: Rule = {
  id: "code-status-mismatch",
  level: "error",
  check(input): Hit[] {
    const status = input.exchange.response.status;
    return codesIn(input).all.flatMap((code) => {
      const statuses = input.contract.codeStatuses.get(code);
      if (!statuses || statuses.has(status)) return [];
      return [
        {
          code,
          message: `code ${code} is catalogued with status ${[...statuses].join(", ")}, sent with ${status}`,
          evidence: `HTTP ${status}, code: ${code}`,
        },
      ];
    });
  },
};

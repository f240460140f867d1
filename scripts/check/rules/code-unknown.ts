import { codesIn } from "./codes.js";
import type { Hit, Rule } from "./rule.js";

/**
 * A code (top level or inner) that no catalog example carries, in a response whose contract
 * lists its codes (examples with `x-error`). A response documented without codes leaves them
 * open: a family that catalogues only some codes is not held to a list it does not give.
 */
export const codeUnknown: Rule = {
  id: "code-unknown",
  level: "error",
  check(input): Hit[] {
    if (input.documented.codes.size === 0) return [];
    return codesIn(input)
      .all.filter((code) => !input.contract.codeStatuses.has(code))
      .map((code) => ({
        code,
        message: `code ${code} is not in the catalog (${input.documented.key} documents ${[...input.documented.codes].join(", ")})`,
        evidence: `code: ${code}`,
      }));
  },
};

import { codesIn } from "./codes.js";
import type { Hit, Rule } from "./rule.js";

/**
 * A request that broke one constraint, answered with the status of the code the contract
 * declares for it (`x-error-code`) but with another catalogued code.
 */
export const codeUnexpected: Rule = {
  id: "code-unexpected",
  level: "error",
  check(input): Hit[] {
    const expected = input.exchange.trigger?.expectedCode;
    const { all, identifying } = codesIn(input);
    const status = input.exchange.response.status;
    if (expected === undefined || identifying === undefined || all.includes(expected)) return [];
    if (!input.contract.codeStatuses.get(expected)?.has(status)) return [];
    if (!input.contract.codeStatuses.get(identifying)?.has(status)) return [];
    return [
      {
        code: identifying,
        message: `${input.exchange.trigger?.description}: the contract declares code ${expected} for it, the server sent ${identifying}`,
        evidence: `code: ${identifying}`,
      },
    ];
  },
};

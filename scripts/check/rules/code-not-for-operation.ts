import { codesIn } from "./codes.js";
import type { Hit, Rule } from "./rule.js";

/** A catalogued code, with its catalogued status, that the operation's response for that status does not list. */
export const codeNotForOperation: Rule = {
  id: "code-not-for-operation",
  level: "error",
  check(input): Hit[] {
    const code = codesIn(input).identifying;
    const { documented, contract, exchange } = input;
    if (code === undefined || documented.codes.size === 0 || documented.codes.has(code)) return [];
    if (!contract.codeStatuses.get(code)?.has(exchange.response.status)) return [];
    return [
      {
        code,
        message: `code ${code} is not one the operation documents for ${documented.key} (${[...documented.codes].join(", ")})`,
        evidence: `code: ${code}`,
      },
    ];
  },
};

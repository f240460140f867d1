import type { Contract } from "./contract.js";
import { operationFor } from "./match.js";
import type { CheckResult } from "./model.js";
import type { Recorded } from "./recorded.js";
import { Session } from "./session.js";

/**
 * The same checks on recorded traffic: each exchange matched to its operation by method and
 * route (whatever base path precedes it) and judged as `check` judges its own; a trigger
 * recorded with it (`check --har`) is judged as such, so that a recording of a run gives the
 * run's findings. `unmatched`: exchanges no operation of the contract is for.
 */
export function verifyRecorded(
  contract: Contract,
  recorded: Recorded[],
  only?: string[],
): CheckResult & { unmatched: number } {
  const session = new Session(contract, only);
  let unmatched = 0;
  for (const { request, response, trigger } of recorded) {
    const operation = operationFor(contract, request.method, request.url);
    if (!operation) {
      unmatched++;
      continue;
    }
    session.judge({ request, response, operation, ...(trigger ? { trigger } : {}) });
  }
  return { ...session.result(recorded.length), unmatched };
}

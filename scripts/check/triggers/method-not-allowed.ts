import { isMethod } from "../../../src/openapi/index.js";
import { derive, type TriggerKind, unsafe } from "./trigger.js";

const CANDIDATES = ["put", "patch", "post", "delete", "get"];

/**
 * A method the path does not declare, sent once per path, by the first of its operations that
 * documents 405 (a path none of whose operations documents 405 is not asked). An unsafe method is a write:
 * a server that wrongly serves it acts on the operation's valid request.
 */
export const methodNotAllowed: TriggerKind = {
  kind: "method-not-allowed",
  make({ contract, plan }) {
    const op = plan.op;
    const first = contract.operations.find((o) => o.route === op.route && contract.documents(o, 405));
    if (first !== op) return [];
    const method = CANDIDATES.find((m) => isMethod(m) && !(m in op.item));
    if (!method) return [];
    return [
      {
        info: {
          kind: "method-not-allowed",
          description: `${method.toUpperCase()}, which ${op.route} does not declare`,
          expects: [405],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { method }),
        write: unsafe(method),
        needsToken: true,
      },
    ];
  },
};

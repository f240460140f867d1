import { credentialOf } from "../auth.js";
import type { TriggerKind } from "./trigger.js";

/** No credential at all, on an operation that requires one: 401. */
export const authMissing: TriggerKind = {
  kind: "auth-missing",
  make({ doc, plan }) {
    const credential = credentialOf(doc, plan.op);
    if (!credential) return [];
    return [
      {
        info: {
          kind: "auth-missing",
          description: `no ${credential.header} header`,
          expects: [401],
          mustFail: true,
          clientFault: true,
        },
        parts: {
          ...plan.base,
          headers: Object.fromEntries(Object.entries(plan.base.headers).filter(([n]) => n !== credential.header)),
        },
        write: false,
        needsToken: false,
      },
    ];
  },
};

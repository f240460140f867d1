import { credentialOf } from "../auth.js";
import { derive, type TriggerKind, unsafe } from "./trigger.js";

/** `--token-low`, a token without the rights, on an operation that documents 403. */
export const authLow: TriggerKind = {
  kind: "auth-low",
  make({ doc, plan, tokenLow, documents }) {
    const credential = credentialOf(doc, plan.op);
    if (!credential || tokenLow === undefined || !documents(403)) return [];
    return [
      {
        info: {
          kind: "auth-low",
          description: "the --token-low token",
          expects: [403],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { headers: { [credential.header]: `${credential.prefix}${tokenLow}` } }),
        write: unsafe(plan.op.method),
        needsToken: true,
      },
    ];
  },
};

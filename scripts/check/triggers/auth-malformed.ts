import { credentialOf } from "../auth.js";
import { derive, type TriggerKind } from "./trigger.js";

/** A credential that no server issued, on an operation that requires one: 401. */
export const authMalformed: TriggerKind = {
  kind: "auth-malformed",
  make({ doc, plan, random }) {
    const credential = credentialOf(doc, plan.op);
    if (!credential) return [];
    const token = `ec-malformed.${random.hex(12)}`;
    return [
      {
        info: {
          kind: "auth-malformed",
          description: `a token no server issued (${token})`,
          expects: [401],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { headers: { [credential.header]: `${credential.prefix}${token}` } }),
        write: false,
        needsToken: false,
      },
    ];
  },
};

import { derive, type Trigger, type TriggerKind, unsafe } from "./trigger.js";

/** Each required header parameter left out (a missing `If-Match`: 428 where documented, else 400). */
export const missingHeader: TriggerKind = {
  kind: "missing-header",
  make({ plan, documents }) {
    const triggers: Trigger[] = [];
    for (const p of plan.parameters) {
      if (p.in !== "header" || !p.required) continue;
      const name = p.name.toLowerCase();
      const expects = name === "if-match" && documents(428) ? [428] : [400, 422, 428];
      triggers.push({
        info: {
          kind: "missing-header",
          description: `required header ${p.name} left out`,
          expects,
          ...(p.errorCode === undefined ? {} : { expectedCode: p.errorCode }),
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { headers: { [name]: null } }),
        write: unsafe(plan.op.method),
        needsToken: true,
      });
    }
    return triggers;
  },
};

import { derive, type TriggerKind } from "./trigger.js";

/** A request body that is not JSON: 400 or 422, with the request body's `x-error-code`. */
export const malformedJson: TriggerKind = {
  kind: "malformed-json",
  make({ plan }) {
    if (!plan.body) return [];
    return [
      {
        info: {
          kind: "malformed-json",
          description: "a body that is not JSON",
          expects: [400, 422],
          ...(plan.body.errorCode === undefined ? {} : { expectedCode: plan.body.errorCode }),
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { body: '{"ec": ' }),
        write: false,
        needsToken: true,
      },
    ];
  },
};

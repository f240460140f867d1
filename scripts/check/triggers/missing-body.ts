import { derive, type TriggerKind } from "./trigger.js";

/** No body where the request body is required: 400 or 422, with the request body's `x-error-code`. */
export const missingBody: TriggerKind = {
  kind: "missing-body",
  make({ plan }) {
    if (!plan.body?.required) return [];
    return [
      {
        info: {
          kind: "missing-body",
          description: "no body, where one is required",
          expects: [400, 411, 422],
          ...(plan.body.errorCode === undefined ? {} : { expectedCode: plan.body.errorCode }),
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { body: undefined, headers: { "content-type": null } }),
        write: false,
        needsToken: true,
      },
    ];
  },
};
